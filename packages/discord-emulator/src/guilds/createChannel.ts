import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { PermissionOverwrite } from '../permissions/computeMemberPermissions.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { type ChannelRecord, ChannelType } from '../state/records.js';

/** Input of {@link createChannel}. */
export interface CreateChannelInput {
	readonly name: string;
	/** 0 text (default) or 4 category. */
	readonly type?: number;
	readonly topic?: string | null;
	readonly parentId?: string | null;
	readonly overwrites?: readonly PermissionOverwrite[];
}

/** Creates a guild channel and announces it (CHANNEL_CREATE). */
export function createChannel(store: EmulatorStore, guildId: string, input: CreateChannelInput): ChannelRecord {
	const guild = store.guilds.get(guildId);
	if (!guild) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownGuild);
	const type = input.type ?? ChannelType.GuildText;
	if (type !== ChannelType.GuildText && type !== ChannelType.GuildCategory)
		throw new Error(`channel type ${type} is not emulated; use 0 (text) or 4 (category)`);
	const channel: ChannelRecord = {
		id: store.ids.next(),
		type,
		guildId,
		name: normaliseChannelName(input.name),
		position: guild.channelIds.length,
		topic: input.topic ?? null,
		parentId: input.parentId ?? null,
		overwrites: [...(input.overwrites ?? [])],
		recipientId: null,
		lastMessageId: null,
		messages: null,
	};
	store.channels.set(channel.id, channel);
	guild.channelIds.push(channel.id);
	store.emit({ type: 'channelCreate', channel });
	return channel;
}

/** Discord lower-cases text channel names and turns spaces into dashes. */
function normaliseChannelName(name: string): string {
	const normalised = name.trim().toLowerCase().replace(/\s+/g, '-');
	if (normalised.length < 1 || normalised.length > 100) throw new Error('channel name must be 1 to 100 characters');
	return normalised;
}
