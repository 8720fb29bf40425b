import { templateTokenFamilies } from './templateTokenFamilies.js';

/** A chat-template token found in text. */
export interface FoundTemplateToken {
	/** Where it starts (after any indentation). */
	readonly index: number;
	/** The token as written, trimmed. */
	readonly text: string;
	/** Which family of {@link templateTokenFamilies} it belongs to. */
	readonly family: string;
}

/**
 * The first chat-template token of {@link templateTokenFamilies} (or of `extraPatterns`) in `text`, read as it is
 * (apply NFKC first to see full-width forms), or undefined. Used to check that a prompt holds none, and by quality
 * control on replies.
 */
export function findTemplateToken(text: string, extraPatterns: readonly RegExp[] = []): FoundTemplateToken | undefined {
	let first: FoundTemplateToken | undefined;
	const candidates = [...templateTokenFamilies, ...extraPatterns.map((pattern) => ({ family: 'extra', pattern }))];
	for (const { family, pattern } of candidates) {
		// A global or sticky pattern would carry its lastIndex from one call to the next.
		const match = (pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/gu, '')) : pattern).exec(text);
		if (match === null) continue;
		const index = match.index + (match[0].length - match[0].trimStart().length);
		if (first === undefined || index < first.index) first = { index, text: match[0].trim(), family };
	}
	return first;
}
