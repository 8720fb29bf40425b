import { normalizeComponents } from '../components/normalizeComponents.js';
import { DiscordApiFailure, invalidField } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import { type AllowedMentions, validateAllowedMentions } from '../mentions/resolvePings.js';
import { hasPermission } from '../permissions/computeMemberPermissions.js';
import { memberPermissionsIn } from '../permissions/memberPermissionsIn.js';
import { PermissionFlags } from '../permissions/PermissionFlags.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { type AttachmentRecord, type ChannelRecord, ChannelType, type InteractionRecord, type MessageRecord, type WebhookRecord } from '../state/records.js';
import { checkMessageLimits } from '../validation/checkMessageLimits.js';
import { computePings } from './computePings.js';

/** Who writes a message: a user (or the bot), a webhook with optional overrides, or the app answering an interaction. */
export type MessageAuthor =
	| { readonly kind: 'user'; readonly userId: string }
	| { readonly kind: 'webhook'; readonly webhook: WebhookRecord; readonly username?: string | undefined; readonly avatarUrl?: string | undefined }
	| { readonly kind: 'interaction'; readonly interaction: InteractionRecord };

/** The `message_reference` of a reply. */
export interface MessageReferenceInput {
	readonly message_id?: string | undefined;
	readonly channel_id?: string | undefined;
	readonly fail_if_not_exists?: boolean | undefined;
}

/** Input of {@link createMessage}; field names follow the API's meaning in camelCase. */
export interface CreateMessageInput {
	readonly channelId: string;
	readonly author: MessageAuthor;
	readonly content?: string | undefined;
	readonly embeds?: readonly Record<string, unknown>[] | undefined;
	readonly attachments?: readonly AttachmentRecord[] | undefined;
	readonly components?: readonly unknown[] | undefined;
	readonly stickerIds?: readonly string[] | undefined;
	readonly tts?: boolean | undefined;
	readonly flags?: number | undefined;
	readonly nonce?: string | number | null | undefined;
	readonly enforceNonce?: boolean | undefined;
	readonly messageReference?: MessageReferenceInput | undefined;
	readonly allowedMentions?: AllowedMentions | undefined;
	/** Message type; 0 default, 19 when replying, 20 for interaction responses. */
	readonly type?: number | undefined;
	/** Check the author's View Channel and Send Messages (REST calls by the bot). */
	readonly checkPermissions?: boolean | undefined;
	/** Allow a message with nothing in it (a deferred "thinking" response). */
	readonly allowEmpty?: boolean | undefined;
}

const nonceWindowMs = 2 * 60_000;

/** Validates, stores and announces a message (MESSAGE_CREATE); returns the stored record. */
export function createMessage(store: EmulatorStore, input: CreateMessageInput): MessageRecord {
	const channel = store.channels.get(input.channelId);
	if (!channel || channel.type === ChannelType.GuildCategory) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownChannel);
	const limits = checkMessageLimits(
		{ content: input.content, embeds: input.embeds, attachmentCount: input.attachments?.length, components: input.components, stickerIds: input.stickerIds },
		{ requireSomething: input.allowEmpty !== true },
	);
	if (limits) throw limits;
	const components = input.components ? normalizeComponents(input.components) : [];
	const mentionErrors = validateAllowedMentions(input.allowedMentions);
	if (mentionErrors) throw DiscordApiFailure.invalidFormBody(mentionErrors);

	const authorUserId = input.author.kind === 'user' ? input.author.userId : input.author.kind === 'interaction' ? store.bot.id : null;
	if (input.checkPermissions && authorUserId !== null && channel.guildId !== null) checkCanSend(store, channel, authorUserId);
	const authorId = input.author.kind === 'webhook' ? input.author.webhook.id : (authorUserId ?? store.bot.id);
	const nonce = input.nonce === undefined || input.nonce === null ? null : String(input.nonce);
	if (input.enforceNonce && nonce !== null) {
		const earlier = findByNonce(channel, authorId, nonce);
		if (earlier) return earlier;
	}

	const referenced = resolveReference(store, channel, input.messageReference);
	const content = input.content ?? '';
	const pings = computePings(store, {
		channel,
		content,
		authorUserId,
		allowedMentions: input.allowedMentions,
		repliedUserId: referenced && !referenced.webhookId ? referenced.authorId : null,
	});

	const interaction = input.author.kind === 'interaction' ? input.author.interaction : null;
	const message: MessageRecord = {
		id: store.ids.next(),
		channelId: channel.id,
		guildId: channel.guildId,
		authorId,
		webhookId: input.author.kind === 'webhook' ? input.author.webhook.id : interaction ? store.applicationId : null,
		webhookName: input.author.kind === 'webhook' ? (input.author.username ?? input.author.webhook.name) : null,
		webhookAvatarUrl: input.author.kind === 'webhook' ? (input.author.avatarUrl ?? input.author.webhook.avatarUrl) : null,
		applicationId: interaction || (input.author.kind === 'webhook' && input.author.webhook.applicationId) ? store.applicationId : null,
		content,
		embeds: [...(input.embeds ?? [])],
		attachments: [...(input.attachments ?? [])],
		components,
		timestamp: Date.now(),
		editedTimestamp: null,
		type: input.type ?? (referenced ? 19 : 0),
		flags: input.flags ?? 0,
		tts: input.tts ?? false,
		referencedMessageId: referenced?.id ?? null,
		pings,
		nonce,
		interaction: interaction
			? {
					id: interaction.id,
					type: interaction.component ? 3 : 2,
					name: interaction.commandName,
					userId: interaction.userId,
					interactedMessageId: interaction.component?.messageId ?? null,
				}
			: null,
		reactions: [],
	};
	store.appendMessage(channel, message);
	store.emit({ type: 'messageCreate', message });
	return message;
}

function checkCanSend(store: EmulatorStore, channel: ChannelRecord, userId: string): void {
	const permissions = memberPermissionsIn(store, channel.guildId ?? '', userId, channel);
	if (!hasPermission(permissions, PermissionFlags.ViewChannel)) throw new DiscordApiFailure(403, DiscordErrorCodes.MissingAccess);
	if (!hasPermission(permissions, PermissionFlags.SendMessages)) throw DiscordApiFailure.missingPermissions();
}

function resolveReference(store: EmulatorStore, channel: ChannelRecord, reference: MessageReferenceInput | undefined): MessageRecord | null {
	if (!reference?.message_id) return null;
	const found = store.message(reference.channel_id ?? channel.id, reference.message_id);
	if (found) return found;
	if (reference.fail_if_not_exists === false) return null;
	throw invalidField('message_reference', 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
}

function findByNonce(channel: ChannelRecord, authorId: string, nonce: string): MessageRecord | undefined {
	if (!channel.messages) return undefined;
	const since = Date.now() - nonceWindowMs;
	const recent = [...channel.messages.values()].slice(-200);
	return recent.find((message) => message.nonce === nonce && message.authorId === authorId && message.timestamp >= since);
}
