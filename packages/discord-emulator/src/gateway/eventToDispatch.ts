import { reactionDispatch } from '../reactions/reactionDispatch.js';
import { serializeGuildCreate } from '../serialize/serializeGuild.js';
import { serializeChannel, serializeMember, serializeRole } from '../serialize/serializeGuildParts.js';
import { serializeInteraction } from '../serialize/serializeInteraction.js';
import { serializeMessage } from '../serialize/serializeMessage.js';
import { serializeUser } from '../serialize/serializeUser.js';
import type { EmulatorEvent } from '../state/EmulatorEvent.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { MessageRecord } from '../state/records.js';
import type { Dispatch, SessionView } from './Dispatch.js';
import { GatewayIntents } from './GatewayIntents.js';

const ephemeral = 1 << 6;

/** Turns an emulator event into the gateway dispatch Discord would send, or null when bots get none. */
export function eventToDispatch(store: EmulatorStore, event: EmulatorEvent): Dispatch | null {
	switch (event.type) {
		case 'guildCreate':
			return guildCreateDispatch(store, event.guild.id);
		case 'channelCreate':
			if (event.channel.guildId === null) return null;
			return fixed('CHANNEL_CREATE', event.channel.guildId, GatewayIntents.Guilds, () => serializeChannel(event.channel));
		case 'channelDelete':
			if (event.channel.guildId === null) return null;
			return fixed('CHANNEL_DELETE', event.channel.guildId, GatewayIntents.Guilds, () => serializeChannel(event.channel));
		case 'guildDelete':
			return fixed('GUILD_DELETE', event.guildId, GatewayIntents.Guilds, () => ({ id: event.guildId }));
		case 'roleCreate':
			return fixed('GUILD_ROLE_CREATE', event.role.guildId, GatewayIntents.Guilds, () => ({
				guild_id: event.role.guildId,
				role: serializeRole(event.role, store.bot.id),
			}));
		case 'memberAdd': {
			const user = store.users.get(event.member.userId);
			return fixed('GUILD_MEMBER_ADD', event.guildId, GatewayIntents.GuildMembers, () => ({ ...serializeMember(event.member, user), guild_id: event.guildId }));
		}
		case 'messageCreate':
		case 'messageUpdate':
			if ((event.message.flags & ephemeral) !== 0) return null;
			return messageDispatch(store, event.type === 'messageCreate' ? 'MESSAGE_CREATE' : 'MESSAGE_UPDATE', event.message);
		case 'messageDelete':
			if ((event.message.flags & ephemeral) !== 0) return null;
			return fixed('MESSAGE_DELETE', event.message.guildId, messageIntent(event.message), () => ({
				id: event.message.id,
				channel_id: event.message.channelId,
				...(event.message.guildId ? { guild_id: event.message.guildId } : {}),
			}));
		case 'reactionAdd':
		case 'reactionRemove':
		case 'reactionRemoveAll':
		case 'reactionRemoveEmoji':
			if ((event.message.flags & ephemeral) !== 0) return null;
			return reactionDispatch(store, event);
		case 'typingStart': {
			const member = event.guildId === null ? undefined : store.guilds.get(event.guildId)?.members.get(event.userId);
			const user = store.users.get(event.userId);
			const intent = event.guildId === null ? GatewayIntents.DirectMessageTyping : GatewayIntents.GuildMessageTyping;
			return fixed('TYPING_START', event.guildId, intent, () => ({
				channel_id: event.channelId,
				user_id: event.userId,
				timestamp: Math.floor(event.timestamp / 1000),
				...(event.guildId ? { guild_id: event.guildId } : {}),
				...(member && user ? { member: serializeMember(member, user) } : {}),
			}));
		}
		case 'interactionCreate':
			return fixed('INTERACTION_CREATE', event.interaction.guildId, 0, () => serializeInteraction(store, event.interaction));
		case 'webhooksUpdate':
			return fixed('WEBHOOKS_UPDATE', event.guildId, GatewayIntents.GuildWebhooks, () => ({ guild_id: event.guildId, channel_id: event.channelId }));
		default:
			return null;
	}
}

/** GUILD_CREATE for one guild, with every member only for sessions that would get them from Discord. */
export function guildCreateDispatch(store: EmulatorStore, guildId: string): Dispatch | null {
	const guild = store.guilds.get(guildId);
	if (!guild) return null;
	const cache = new Map<string, string>();
	return {
		t: 'GUILD_CREATE',
		guildId,
		intents: GatewayIntents.Guilds,
		render: (session: SessionView) => {
			const allMembers = (session.intents & GatewayIntents.GuildPresences) !== 0 && guild.members.size <= session.largeThreshold;
			const key = `${allMembers}:${session.largeThreshold}`;
			let rendered = cache.get(key);
			if (rendered === undefined) {
				rendered = JSON.stringify(serializeGuildCreate(store, guild, { allMembers, largeThreshold: session.largeThreshold }));
				cache.set(key, rendered);
			}
			return rendered;
		},
	};
}

function messageDispatch(store: EmulatorStore, t: string, message: MessageRecord): Dispatch {
	// Discord's Message Content rules: DMs, messages mentioning the bot and the bot's own messages keep their content.
	const exempt = message.guildId === null || message.pings.users.includes(store.bot.id) || message.authorId === store.bot.id;
	let full: string | undefined;
	let redacted: string | undefined;
	return {
		t,
		guildId: message.guildId,
		intents: messageIntent(message),
		render: (session) => {
			if (exempt || (session.intents & GatewayIntents.MessageContent) !== 0) {
				full ??= JSON.stringify(serializeMessage(store, message, { gateway: true }));
				return full;
			}
			redacted ??= JSON.stringify(serializeMessage(store, message, { gateway: true, redactContent: true }));
			return redacted;
		},
	};
}

function messageIntent(message: MessageRecord): number {
	return message.guildId === null ? GatewayIntents.DirectMessages : GatewayIntents.GuildMessages;
}

function fixed(t: string, guildId: string | null, intents: number, build: () => unknown): Dispatch {
	let rendered: string | undefined;
	return {
		t,
		guildId,
		intents,
		render: () => {
			rendered ??= JSON.stringify(build());
			return rendered;
		},
	};
}

/** The READY payload's user object: the bot with the fields only the current user sees. */
export function readyUser(store: EmulatorStore): Record<string, unknown> {
	return { ...serializeUser(store.bot), verified: true, mfa_enabled: false, email: null, flags: 0 };
}
