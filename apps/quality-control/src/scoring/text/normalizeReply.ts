import { memoizeLast } from '../memo/memoizeLast.js';

/**
 * The form of a reply that scorers read: NFKC (so full-width `｜` and `：` read as `|` and `:`), curly quotes and
 * apostrophes made straight, zero-width characters removed.
 */
export const normalizeReply: (text: string) => string = memoizeLast((text) =>
	text
		.normalize('NFKC')
		.replace(/[\u200B-\u200D\u2060\uFEFF]/gu, '')
		.replace(/[“”„‟″]/gu, '"')
		.replace(/[‘’‚‛′]/gu, "'"),
);
