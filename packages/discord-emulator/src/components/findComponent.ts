/** A component found in a message's rows, with its row for context. */
export interface FoundComponent {
	readonly component: Readonly<Record<string, unknown>>;
	readonly rowIndex: number;
}

/** The interactive component with `customId` in a message's (normalized) components, or undefined. */
export function findComponent(components: readonly unknown[], customId: string): FoundComponent | undefined {
	for (const [rowIndex, row] of components.entries()) {
		const children = (row as { components?: unknown }).components;
		if (!Array.isArray(children)) continue;
		for (const child of children as Record<string, unknown>[]) if (child.custom_id === customId) return { component: child, rowIndex };
	}
	return undefined;
}

/** Every custom id on a message, for error messages. */
export function listCustomIds(components: readonly unknown[]): string[] {
	return components.flatMap((row) => {
		const children = (row as { components?: unknown }).components;
		return Array.isArray(children)
			? (children as Record<string, unknown>[]).flatMap((child) => (typeof child.custom_id === 'string' ? [child.custom_id] : []))
			: [];
	});
}
