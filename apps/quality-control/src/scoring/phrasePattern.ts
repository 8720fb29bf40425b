const wordCharacter = '[\\p{L}\\p{M}\\p{N}_]';

/** Escapes a literal string for use inside a regular expression. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Regular-expression source that finds `phrase` as whole words (any script), so `ass` misses `class`;
 * runs of spaces in the phrase match any whitespace. Use with the `u` flag.
 */
export function phrasePattern(phrase: string): string {
	const trimmed = phrase.trim();
	const body = trimmed.split(/\s+/u).map(escapeRegExp).join('\\s+');
	const before = /^[\p{L}\p{M}\p{N}_]/u.test(trimmed) ? `(?<!${wordCharacter})` : '';
	const after = /[\p{L}\p{M}\p{N}_]$/u.test(trimmed) ? `(?!${wordCharacter})` : '';
	return `${before}${body}${after}`;
}
