import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { MessageRecord, ReactionEmoji } from '../state/records.js';
import { sameEmoji } from './parseReactionEmoji.js';

/** Removes one user's reaction and announces it (MESSAGE_REACTION_REMOVE); false when there was none. Permissions are the caller's to check. */
export function removeReaction(store: EmulatorStore, message: MessageRecord, userId: string, emoji: ReactionEmoji): boolean {
	const index = message.reactions.findIndex((reaction) => sameEmoji(reaction.emoji, emoji));
	const reaction = message.reactions[index];
	if (!reaction?.userIds.delete(userId)) return false;
	if (reaction.userIds.size === 0) message.reactions.splice(index, 1);
	store.emit({ type: 'reactionRemove', message, userId, emoji: reaction.emoji });
	return true;
}
