import { truncateText } from '@charbot/core';

/** Longest speaker name put in a prompt; Discord display names are at most 32 characters too. */
export const maxSpeakerNameLength = 32;

const reservedNames = new Set(['system', 'assistant', 'user', 'developer', 'tool', 'admin', 'moderator']);

/**
 * Makes a member's display name safe to use as a `Name:` prefix: folds look-alike characters (NFKC), drops
 * newlines, control and invisible characters, colons and markup, squeezes spaces and cuts it to 32 characters.
 * A name that would pose as a role, or as one of `taken` (the characters' names), gets ` (member)` appended. A `taken`
 * list is read once per array: pass a new array rather than changing one between calls.
 */
export function sanitizeSpeakerName(name: string, taken: readonly string[] = []): string {
	const cleaned = name
		.normalize('NFKC')
		.replace(/[^\p{L}\p{M}\p{N}\p{Extended_Pictographic} .'_\-!?&()~+=,@$%^]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const short = truncateText(cleaned, maxSpeakerNameLength, '').trim();
	if (short === '') return 'Someone';
	const lower = short.toLocaleLowerCase();
	if (reservedNames.has(lower) || lowerCased(taken).has(lower)) return `${short} (member)`;
	return short;
}

// A prompt passes the same list of names for every speaker: it is lower-cased once per list, not once per speaker.
const lowerCasedLists = new WeakMap<readonly string[], ReadonlySet<string>>();

function lowerCased(names: readonly string[]): ReadonlySet<string> {
	let set = lowerCasedLists.get(names);
	if (set === undefined) {
		set = new Set(names.map((name) => name.toLocaleLowerCase()));
		lowerCasedLists.set(names, set);
	}
	return set;
}
