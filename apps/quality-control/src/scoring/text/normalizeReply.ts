/**
 * The form of a reply that scorers read: NFKC (so full-width `｜` and `：` read as `|` and `:`), curly quotes and
 * apostrophes made straight, zero-width characters removed.
 */
export function normalizeReply(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\u200B-\u200D\u2060\uFEFF]/gu, '')
		.replace(/[“”„‟″]/gu, '"')
		.replace(/[‘’‚‛′]/gu, "'");
}
