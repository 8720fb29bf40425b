/** A character's full name, aliases and first name ("Stewie Griffin" → "Stewie"), without blanks or duplicates. */
export function namesOf(displayName: string, aliases: readonly string[]): string[] {
	const first = displayName.trim().split(/\s+/u)[0] ?? '';
	const names = [displayName, ...aliases, ...(first.length >= 3 ? [first] : [])].map((name) => name.trim()).filter((name) => name.length > 0);
	return [...new Set(names)];
}
