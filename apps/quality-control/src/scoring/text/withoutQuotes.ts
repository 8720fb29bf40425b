/**
 * The text with quoted stretches removed, double quotes and single quotes alike (a single quote counts only
 * where no letter is beside it on the outside, and an apostrophe inside a word does not end it): what a character quotes is someone else's.
 * Expects {@link normalizeReply}'s straight quotes.
 */
export function withoutQuotes(text: string): string {
	return text.replace(/"[^"\n]{0,400}"/gu, ' ').replace(/(?<![\p{L}\p{N}])'(?:[^'\n]|(?<=\p{L})'(?=\p{L})){1,200}'(?![\p{L}\p{N}])/gu, ' ');
}
