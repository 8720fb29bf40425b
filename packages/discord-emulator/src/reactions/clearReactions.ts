import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { MessageRecord, ReactionEmoji } from '../state/records.js';
import { sameEmoji } from './parseReactionEmoji.js';

/** Removes every reaction (MESSAGE_REACTION_REMOVE_ALL) or every reaction with one emoji (MESSAGE_REACTION_REMOVE_EMOJI). Permissions are the caller's to check. */
export function clearReactions(store: EmulatorStore, message: MessageRecord, emoji?: ReactionEmoji): void {
	if (emoji === undefined) {
		if (message.reactions.length === 0) return;
		message.reactions = [];
		store.emit({ type: 'reactionRemoveAll', message });
		return;
	}
	const index = message.reactions.findIndex((reaction) => sameEmoji(reaction.emoji, emoji));
	const reaction = message.reactions[index];
	if (!reaction) return;
	message.reactions.splice(index, 1);
	store.emit({ type: 'reactionRemoveEmoji', message, emoji: reaction.emoji });
}
