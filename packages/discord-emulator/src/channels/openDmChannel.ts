import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { type ChannelRecord, ChannelType } from '../state/records.js';

/** The bot's DM channel with a user, created on first use (Discord sends no CHANNEL_CREATE for it). */
export function openDmChannel(store: EmulatorStore, userId: string): ChannelRecord {
	const user = store.users.get(userId);
	if (!user) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownUser);
	if (user.bot) throw new DiscordApiFailure(400, DiscordErrorCodes.CannotSendMessagesToThisUser);
	const existingId = store.dmChannelByUser.get(userId);
	const existing = existingId === undefined ? undefined : store.channels.get(existingId);
	if (existing) return existing;
	const channel: ChannelRecord = {
		id: store.ids.next(),
		type: ChannelType.DM,
		guildId: null,
		name: user.username,
		position: 0,
		topic: null,
		parentId: null,
		overwrites: [],
		recipientId: userId,
		lastMessageId: null,
		messages: null,
	};
	store.channels.set(channel.id, channel);
	store.dmChannelByUser.set(userId, channel.id);
	return channel;
}
