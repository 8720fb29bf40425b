/** Fields Discord adds or fills in that a registration never sets; they do not make commands differ. */
const ignoredFields = new Set([
	'id',
	'application_id',
	'guild_id',
	'version',
	'name_localizations',
	'description_localizations',
	'dm_permission',
	'integration_types',
]);

/**
 * Whether the commands Discord has (`GET .../commands`) already are `wanted`, so registering again can be skipped.
 * Compares what a registration sets, treating Discord's defaults (`false`, `null`, `[]`, chat-input type 1) as unset.
 */
export function sameCommands(existing: readonly unknown[], wanted: readonly unknown[]): boolean {
	const canonical = (commands: readonly unknown[]) =>
		JSON.stringify(commands.map((command) => normalize(command, true)).sort((a, b) => String(a.name).localeCompare(String(b.name))));
	return existing.length === wanted.length && canonical(existing) === canonical(wanted);
}

function normalize(value: unknown, topLevel = false): Record<string, unknown> {
	const entries = Object.entries(value !== null && typeof value === 'object' ? value : {})
		.filter(([field, fieldValue]) => !ignoredFields.has(field) && !isUnset(fieldValue) && !(topLevel && field === 'type' && fieldValue === 1))
		.map(([field, fieldValue]): [string, unknown] => [field, canonicalValue(field, fieldValue)])
		.sort(([a], [b]) => a.localeCompare(b));
	return Object.fromEntries(entries);
}

function canonicalValue(field: string, value: unknown): unknown {
	if (field === 'default_member_permissions') return String(value);
	if (Array.isArray(value)) return value.map((item) => (item !== null && typeof item === 'object' ? normalize(item) : item));
	return value !== null && typeof value === 'object' ? normalize(value) : value;
}

function isUnset(value: unknown): boolean {
	return value === undefined || value === null || value === false || (Array.isArray(value) && value.length === 0);
}
