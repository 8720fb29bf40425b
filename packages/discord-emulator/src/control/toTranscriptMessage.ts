import { attachmentPath } from '../attachments/attachmentPath.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { InteractionRecord, MessageRecord } from '../state/records.js';
import type { InteractionView, TranscriptAuthor, TranscriptMessage } from './views.js';

/** A stored message as the control API shows it. */
export function toTranscriptMessage(store: EmulatorStore, message: MessageRecord): TranscriptMessage {
	return {
		id: message.id,
		channelId: message.channelId,
		guildId: message.guildId,
		content: message.content,
		timestamp: new Date(message.timestamp).toISOString(),
		editedTimestamp: message.editedTimestamp === null ? null : new Date(message.editedTimestamp).toISOString(),
		author: authorOf(store, message),
		webhookId: message.webhookId,
		replyTo: message.referencedMessageId,
		mentionsPinged: { everyone: message.pings.everyone, users: [...message.pings.users], roles: [...message.pings.roles] },
		embeds: message.embeds,
		attachments: message.attachments.map((attachment) => ({
			id: attachment.id,
			filename: attachment.filename,
			size: attachment.size,
			contentType: attachment.contentType,
			url: attachment.data ? (attachment.url ? new URL(attachment.url).pathname : attachmentPath(message.channelId, attachment.id, attachment.filename)) : null,
			width: attachment.width ?? null,
			height: attachment.height ?? null,
		})),
		flags: message.flags,
		ephemeral: (message.flags & 64) !== 0,
		loading: (message.flags & 128) !== 0,
		interaction: message.interaction
			? { id: message.interaction.id, type: message.interaction.type, commandName: message.interaction.name, userId: message.interaction.userId }
			: null,
		type: message.type,
		components: message.components as Record<string, unknown>[],
		reactions: message.reactions.map((reaction) => ({
			emoji: { ...reaction.emoji },
			count: reaction.userIds.size,
			userIds: [...reaction.userIds],
			me: reaction.userIds.has(store.bot.id),
		})),
		fromBot: isFromBot(store, message),
	};
}

/** Written by the bot, one of the bot's webhooks, or as an interaction response. */
export function isFromBot(store: EmulatorStore, message: MessageRecord): boolean {
	return message.authorId === store.bot.id || (message.webhookId !== null && message.applicationId === store.applicationId);
}

/** An interaction and the bot's answers to it. */
export function toInteractionView(store: EmulatorStore, interaction: InteractionRecord): InteractionView {
	const find = (id: string) => store.message(interaction.channelId, id);
	const original = interaction.originalMessageId === null ? undefined : find(interaction.originalMessageId);
	const callbackType = interaction.callback?.type ?? null;
	const state =
		callbackType === null
			? 'pending'
			: callbackType === 6
				? 'deferredUpdate'
				: callbackType === 7
					? 'updated'
					: callbackType === 8
						? 'autocompleted'
						: callbackType === 9
							? 'modal'
							: original && (original.flags & 128) !== 0
								? 'deferred'
								: 'replied';
	return {
		id: interaction.id,
		commandName: interaction.commandName,
		component: interaction.component ? { ...interaction.component, values: [...interaction.component.values] } : null,
		channelId: interaction.channelId,
		guildId: interaction.guildId,
		userId: interaction.userId,
		options: interaction.options,
		createdAt: new Date(interaction.createdAt).toISOString(),
		state,
		callbackType,
		ephemeral: original !== undefined && (original.flags & 64) !== 0,
		original: original ? toTranscriptMessage(store, original) : null,
		followUps: interaction.followUpMessageIds.flatMap((id) => {
			const message = find(id);
			return message ? [toTranscriptMessage(store, message)] : [];
		}),
		autocompleteChoices: interaction.autocompleteChoices,
	};
}

function authorOf(store: EmulatorStore, message: MessageRecord): TranscriptAuthor {
	if (message.webhookId !== null && message.webhookName !== null) {
		return {
			id: message.authorId,
			displayName: message.webhookName,
			username: message.webhookName,
			avatarUrl: message.webhookAvatarUrl,
			bot: true,
			kind: 'webhook',
		};
	}
	const user = store.users.get(message.authorId);
	const member = message.guildId === null ? undefined : store.guilds.get(message.guildId)?.members.get(message.authorId);
	const username = user?.username ?? 'Deleted User';
	return {
		id: message.authorId,
		displayName: member?.nick ?? user?.globalName ?? username,
		username,
		avatarUrl: user?.avatarUrl ?? null,
		bot: user?.bot ?? false,
		kind: user?.bot ? 'bot' : 'user',
	};
}
