import { phrasePattern } from '@charbot/characters';

/** Regular-expression source matching any of the names as whole words (`phrasePattern`), longest first; `(?!)` for none. */
export function namesPattern(names: readonly string[]): string {
	if (names.length === 0) return '(?!)';
	return `(?:${[...names]
		.sort((a, b) => b.length - a.length)
		.map(phrasePattern)
		.join('|')})`;
}
