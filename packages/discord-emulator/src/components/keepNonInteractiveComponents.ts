import { ButtonStyle, ComponentType } from './ComponentLimits.js';

/** Drops interactive components (buttons other than links, select menus) and rows left empty: what a webhook no application owns may show. */
export function keepNonInteractiveComponents(raw: readonly unknown[]): unknown[] {
	return raw.flatMap((entry) => {
		if (typeof entry !== 'object' || entry === null) return [entry];
		const row = entry as Record<string, unknown>;
		if (row.type !== ComponentType.ActionRow || !Array.isArray(row.components)) return [entry];
		const kept = (row.components as unknown[]).filter((child) => {
			const component = child as Record<string, unknown> | null;
			return component?.type === ComponentType.Button && component.style === ButtonStyle.Link;
		});
		return kept.length > 0 ? [{ ...row, components: kept }] : [];
	});
}
