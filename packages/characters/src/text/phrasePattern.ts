import { escapeRegExp } from './escapeRegExp.js';

const wordCharacter = '[\\p{L}\\p{M}\\p{N}_]';

/**
 * Regular-expression source that finds `phrase` as a whole word or words: not inside a longer word, so `Peter`
 * misses `Peterson`. Letters of every script count as word characters; runs of spaces in the phrase match any
 * whitespace. Use it with the `u` flag.
 */
export function phrasePattern(phrase: string): string {
	const body = phrase.trim().split(/\s+/u).map(escapeRegExp).join('\\s+');
	const before = /^[\p{L}\p{M}\p{N}_]/u.test(phrase.trim()) ? `(?<!${wordCharacter})` : '';
	const after = /[\p{L}\p{M}\p{N}_]$/u.test(phrase.trim()) ? `(?!${wordCharacter})` : '';
	return `${before}${body}${after}`;
}
