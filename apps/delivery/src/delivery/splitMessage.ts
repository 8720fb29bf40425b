import { DiscordLimits } from '@charbot/core';

/** A boundary kind, with the share of a part it must fill before it is used rather than a weaker one. */
const boundaries: readonly { pattern: RegExp; minFill: number; cutAtStart: boolean }[] = [
	// Paragraphs and lines: cut before the newline.
	{ pattern: /\n[^\S\n]*\n/g, minFill: 0.5, cutAtStart: true },
	{ pattern: /\n/g, minFill: 0.5, cutAtStart: true },
	// Sentences: after the punctuation and any closing quote or bracket.
	{ pattern: /[.!?…]+["'”’)\]]*(?=\s)/g, minFill: 0.3, cutAtStart: false },
	// Any space, so a word is never split when it can be avoided.
	{ pattern: /\s/g, minFill: 0, cutAtStart: true },
];

/**
 * Splits a reply into parts of at most `maxLength` characters, preferring paragraph, line and sentence
 * boundaries, then spaces, and cutting inside a word only when a part has no space at all. Only whitespace at
 * the cuts is dropped, so the parts joined hold all of the text.
 */
export function splitMessage(text: string, maxLength: number = DiscordLimits.messageContent): string[] {
	if (!Number.isInteger(maxLength) || maxLength < 16) throw new RangeError(`maxLength must be a whole number of at least 16, got ${maxLength}`);
	const parts: string[] = [];
	let rest = text.trim();
	while (rest.length > maxLength) {
		const cut = findCut(rest, maxLength);
		parts.push(rest.slice(0, cut).trimEnd());
		rest = rest.slice(cut).trimStart();
	}
	if (rest.length > 0) parts.push(rest);
	return parts;
}

/** Where to end the next part of `text` (which is longer than `maxLength` and starts with a non-space). */
function findCut(text: string, maxLength: number): number {
	// One character more than fits, so a boundary right after a full part is seen.
	const window = text.slice(0, maxLength + 1);
	for (const { pattern, minFill, cutAtStart } of boundaries) {
		let best = -1;
		for (const match of window.matchAll(pattern)) {
			const cut = cutAtStart ? match.index : match.index + match[0].length;
			if (cut <= maxLength && cut >= Math.max(1, Math.floor(maxLength * minFill))) best = cut;
		}
		if (best > 0) return best;
	}
	// No space at all: cut at the limit, but never between the halves of a surrogate pair.
	const code = text.charCodeAt(maxLength - 1);
	return code >= 0xd800 && code <= 0xdbff ? maxLength - 1 : maxLength;
}
