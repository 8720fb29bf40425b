import { serializeReactions } from '../reactions/serializeReactions.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { MessageRecord } from '../state/records.js';
import { serializeEmbed } from './serializeEmbed.js';
import { serializeMember } from './serializeGuildParts.js';
import { serializeUser, serializeWebhookAuthor } from './serializeUser.js';

/** Options of {@link serializeMessage}. */
export interface SerializeMessageOptions {
	/** Gateway form: adds `guild_id`, the author's `member` and members on mentions. */
	readonly gateway: boolean;
	/** Blank content, embeds, attachments and components (no Message Content intent). */
	readonly redactContent?: boolean;
}

/** A message object as the API (or the gateway) sends it. */
export function serializeMessage(store: EmulatorStore, message: MessageRecord, options: SerializeMessageOptions): Record<string, unknown> {
	const guild = message.guildId === null ? undefined : store.guilds.get(message.guildId);
	const redact = options.redactContent === true;
	const body: Record<string, unknown> = {
		type: message.type,
		content: redact ? '' : message.content,
		mentions: message.pings.users.flatMap((id) => {
			const user = store.users.get(id);
			if (!user) return [];
			const member = options.gateway ? guild?.members.get(id) : undefined;
			return [{ ...serializeUser(user), ...(member ? { member: serializeMember(member) } : {}) }];
		}),
		mention_roles: message.pings.roles,
		attachments: redact
			? []
			: message.attachments.map((attachment) => ({
					id: attachment.id,
					filename: attachment.filename,
					size: attachment.size,
					url: attachment.url ?? `https://cdn.discordapp.com/attachments/${message.channelId}/${attachment.id}/${encodeURIComponent(attachment.filename)}`,
					proxy_url:
						attachment.url ?? `https://media.discordapp.net/attachments/${message.channelId}/${attachment.id}/${encodeURIComponent(attachment.filename)}`,
					...(attachment.contentType ? { content_type: attachment.contentType } : {}),
					...(attachment.width === undefined ? {} : { width: attachment.width, height: attachment.height }),
				})),
		// A member's embeds are Discord's previews of their links; a bot's or webhook's are its own, always rich.
		embeds: redact ? [] : message.embeds.map((embed) => serializeEmbed(embed, message.webhookId === null && store.users.get(message.authorId)?.bot !== true)),
		timestamp: new Date(message.timestamp).toISOString(),
		edited_timestamp: message.editedTimestamp === null ? null : new Date(message.editedTimestamp).toISOString(),
		flags: message.flags,
		components: redact ? [] : message.components,
		id: message.id,
		channel_id: message.channelId,
		author: authorOf(store, message),
		pinned: false,
		mention_everyone: message.pings.everyone,
		tts: message.tts,
	};
	if (message.reactions.length > 0) body.reactions = serializeReactions(store, message);
	if (message.nonce !== null) body.nonce = message.nonce;
	if (message.webhookId !== null) body.webhook_id = message.webhookId;
	if (message.applicationId !== null) body.application_id = message.applicationId;
	if (options.gateway && message.guildId !== null) body.guild_id = message.guildId;
	// discord.js 14.28 builds the partial DM channel from channel_type; without it DMs are dropped.
	if (options.gateway) body.channel_type = store.channels.get(message.channelId)?.type ?? 0;
	if (options.gateway && guild && message.webhookId === null) {
		const member = guild.members.get(message.authorId);
		if (member) body.member = serializeMember(member);
	}
	if (message.referencedMessageId !== null) {
		body.message_reference = {
			type: 0,
			channel_id: message.channelId,
			message_id: message.referencedMessageId,
			...(message.guildId ? { guild_id: message.guildId } : {}),
		};
		const referenced = store.message(message.channelId, message.referencedMessageId);
		body.referenced_message = referenced
			? serializeMessage(store, { ...referenced, referencedMessageId: null }, { gateway: false, redactContent: redact })
			: null;
	}
	if (message.interaction !== null) {
		const user = store.users.get(message.interaction.userId);
		const serializedUser = user ? serializeUser(user) : null;
		const { type, interactedMessageId } = message.interaction;
		body.interaction_metadata = {
			id: message.interaction.id,
			type,
			...(type === 2 ? { name: message.interaction.name } : {}),
			user: serializedUser,
			authorizing_integration_owners: message.guildId ? { 0: message.guildId } : { 1: message.interaction.userId },
			...(interactedMessageId !== null ? { interacted_message_id: interactedMessageId } : {}),
		};
		body.interaction = { id: message.interaction.id, type, name: message.interaction.name, user: serializedUser };
	}
	return body;
}

function authorOf(store: EmulatorStore, message: MessageRecord): Record<string, unknown> {
	if (message.webhookId !== null && message.webhookName !== null)
		return serializeWebhookAuthor({ id: message.authorId }, message.webhookName, message.webhookAvatarUrl);
	const user = store.users.get(message.authorId);
	return user
		? serializeUser(user)
		: { id: message.authorId, username: 'Deleted User', discriminator: '0', global_name: null, avatar: null, public_flags: 0, flags: 0, primary_guild: null };
}
