import { escapeRegExp } from '@charbot/characters';

/** Regular-expression source matching any of the names as whole words, longest first; `(?!)` for none. */
export function namesPattern(names: readonly string[]): string {
	if (names.length === 0) return '(?!)';
	const alternatives = [...names].sort((a, b) => b.length - a.length).map((name) => escapeRegExp(name).replace(/\s+/gu, '\\s+'));
	return `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;
}
