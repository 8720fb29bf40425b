import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { ReactionEmoji } from '../state/records.js';

// Built at run time: TypeScript targeting ES2023 rejects the `v` flag in a literal, Node 20 supports it.
const rgiEmoji = new RegExp('^\\p{RGI_Emoji}$', 'v');
const customEmoji = /^(?:(a):)?(\w{2,32}):(\d{17,20})$/;

/** Reads the `{emoji}` of a reaction route (already URL-decoded): a unicode emoji, or a custom `name:id` / `a:name:id`; anything else is 10014 Unknown Emoji. */
export function parseReactionEmoji(raw: string): ReactionEmoji {
	const custom = customEmoji.exec(raw);
	if (custom) return { id: custom[3] ?? '', name: custom[2] ?? '', animated: custom[1] === 'a' };
	// Discord takes an emoji with or without its presentation selector (❤ and ❤️).
	if (rgiEmoji.test(raw) || rgiEmoji.test(`${raw}\uFE0F`)) return { id: null, name: raw, animated: false };
	throw new DiscordApiFailure(400, DiscordErrorCodes.UnknownEmoji);
}

/** Whether two reaction emoji are the same reaction: custom ones by id, unicode ones by text. */
export function sameEmoji(a: ReactionEmoji, b: ReactionEmoji): boolean {
	return a.id !== null || b.id !== null ? a.id === b.id : a.name === b.name;
}
