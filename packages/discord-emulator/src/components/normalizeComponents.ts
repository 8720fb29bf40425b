import { ComponentIssues } from './ComponentIssues.js';
import { ComponentLimits, ComponentType, SelectMenuTypes } from './ComponentLimits.js';
import { normalizeButton } from './normalizeButton.js';
import { normalizeSelectMenu } from './normalizeSelectMenu.js';

const childTypes = `(${[ComponentType.Button, ...SelectMenuTypes].join(', ')})`;

/**
 * Checks a message's `components` (action rows of buttons or one select menu) as Discord does and returns them as Discord
 * echoes them: unknown fields dropped, select defaults filled in, and every component numbered with an `id` (kept when
 * given, else the next free number in reading order). Problems throw one 50035 naming each field, e.g.
 * `components.0.components.5`, `components.1.components.0.custom_id`.
 */
export function normalizeComponents(raw: readonly unknown[]): Record<string, unknown>[] {
	const issues = new ComponentIssues();
	if (raw.length > ComponentLimits.rows) issues.tooLong('components', ComponentLimits.rows);
	const customIds = new Map<string, string>();
	const rows = raw.map((entry, rowIndex) => {
		const path = `components.${rowIndex}`;
		const row = issues.object(path, entry);
		if (!row) return null;
		if (row.type !== ComponentType.ActionRow) {
			issues.add(`${path}.type`, 'UNION_TYPE_CHOICES', `Value of field "type" must be one of (${ComponentType.ActionRow},).`);
			return null;
		}
		const children = Array.isArray(row.components) ? (row.components as unknown[]) : [];
		if (children.length < 1 || children.length > ComponentLimits.rowWidth) {
			issues.add(`${path}.components`, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${ComponentLimits.rowWidth} in length.`);
		}
		let width = 0;
		const normalized = children.map((childEntry, childIndex) => {
			const childPath = `${path}.components.${childIndex}`;
			const child = issues.object(childPath, childEntry);
			if (!child) return null;
			const type = typeof child.type === 'number' ? child.type : -1;
			let body: Record<string, unknown>;
			if (type === ComponentType.Button) body = normalizeButton(issues, childPath, child);
			else if (SelectMenuTypes.includes(type)) body = normalizeSelectMenu(issues, childPath, child, type);
			else {
				issues.add(`${childPath}.type`, 'UNION_TYPE_CHOICES', `Value of field "type" must be one of ${childTypes}.`);
				return null;
			}
			width += type === ComponentType.Button ? 1 : ComponentLimits.rowWidth;
			if (width > ComponentLimits.rowWidth && children.length <= ComponentLimits.rowWidth) {
				issues.add(childPath, 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
			}
			const customId = body.custom_id;
			if (typeof customId === 'string' && customId.length > 0) {
				if (customIds.has(customId)) issues.add(`${childPath}.custom_id`, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
				else customIds.set(customId, childPath);
			}
			return { body, id: child.id };
		});
		return { id: row.id, children: normalized };
	});
	const failure = issues.failure();
	if (failure) throw failure;
	return numberComponents(rows.flatMap((row) => (row ? [row] : [])));
}

interface PendingRow {
	readonly id: unknown;
	readonly children: readonly ({ readonly body: Record<string, unknown>; readonly id: unknown } | null)[];
}

function numberComponents(rows: readonly PendingRow[]): Record<string, unknown>[] {
	const taken = new Set<number>();
	const explicit = (id: unknown) => (typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null);
	for (const row of rows) {
		const rowId = explicit(row.id);
		if (rowId !== null) taken.add(rowId);
		for (const child of row.children) {
			const childId = explicit(child?.id);
			if (childId !== null) taken.add(childId);
		}
	}
	let next = 1;
	const assign = (id: unknown): number => {
		const given = explicit(id);
		if (given !== null) return given;
		while (taken.has(next)) next += 1;
		taken.add(next);
		return next;
	};
	return rows.map((row) => {
		const id = assign(row.id);
		const components = row.children.flatMap((child) => (child ? [{ ...child.body, id: assign(child.id) }] : []));
		return { type: ComponentType.ActionRow, id, components };
	});
}
