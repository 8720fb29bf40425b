import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { MessageRecord, ReactionEmoji } from '../state/records.js';

/** A reaction emoji as the API sends it: `{ id: null, name }` for unicode, `{ id, name, animated }` for custom. */
export function serializeReactionEmoji(emoji: ReactionEmoji): Record<string, unknown> {
	return emoji.id === null ? { id: null, name: emoji.name } : { id: emoji.id, name: emoji.name, animated: emoji.animated };
}

/** A message's `reactions` as the bot sees them (`me` is the bot's own reaction); the emulator has no super reactions. */
export function serializeReactions(store: EmulatorStore, message: MessageRecord): Record<string, unknown>[] {
	return message.reactions.map((reaction) => ({
		emoji: serializeReactionEmoji(reaction.emoji),
		count: reaction.userIds.size,
		count_details: { burst: 0, normal: reaction.userIds.size },
		burst_colors: [],
		me_burst: false,
		me: reaction.userIds.has(store.bot.id),
	}));
}
