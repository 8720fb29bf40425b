import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { MessageRecord, ReactionEmoji } from '../state/records.js';
import { checkReactionAccess } from './checkReactionAccess.js';
import { sameEmoji } from './parseReactionEmoji.js';

/** Discord's cap on distinct emoji reacted to one message. */
export const MaxReactionEmojiPerMessage = 20;

/** Adds `userId`'s reaction (checking their permissions) and announces it (MESSAGE_REACTION_ADD); false when it was already there. */
export function addReaction(store: EmulatorStore, message: MessageRecord, userId: string, emoji: ReactionEmoji): boolean {
	const channel = store.channels.get(message.channelId);
	if (!channel) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownChannel);
	const existing = message.reactions.find((reaction) => sameEmoji(reaction.emoji, emoji));
	checkReactionAccess(store, channel, userId, existing ? 'react' : 'addNew');
	if (existing?.userIds.has(userId)) return false;
	if (!existing && message.reactions.length >= MaxReactionEmojiPerMessage) throw new DiscordApiFailure(400, DiscordErrorCodes.MaximumReactions);
	const reaction = existing ?? { emoji, userIds: new Set<string>() };
	if (!existing) message.reactions.push(reaction);
	reaction.userIds.add(userId);
	store.emit({ type: 'reactionAdd', message, userId, emoji: reaction.emoji });
	return true;
}
