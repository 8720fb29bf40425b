import { normalizeComponents } from '../components/normalizeComponents.js';
import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { type AllowedMentions, validateAllowedMentions } from '../mentions/resolvePings.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { AttachmentRecord, MessageRecord } from '../state/records.js';
import { checkMessageLimits } from '../validation/checkMessageLimits.js';
import { computePings } from './computePings.js';

/** The message flag of a deferred interaction response still "thinking". */
export const LoadingFlag = 1 << 7;

/** The fields an edit may change; omitted ones stay as they are, `null` clears. */
export interface EditMessageInput {
	readonly content?: string | null | undefined;
	readonly embeds?: readonly Record<string, unknown>[] | null | undefined;
	readonly components?: readonly unknown[] | null | undefined;
	readonly attachments?: readonly AttachmentRecord[] | null | undefined;
	readonly flags?: number | null | undefined;
	readonly allowedMentions?: AllowedMentions | undefined;
}

/** Applies an edit and announces it (MESSAGE_UPDATE). The first edit of a deferred response is its real content, so it pings then. */
export function editMessage(store: EmulatorStore, message: MessageRecord, input: EditMessageInput): MessageRecord {
	const content = input.content === undefined ? message.content : (input.content ?? '');
	const embeds = input.embeds === undefined ? message.embeds : [...(input.embeds ?? [])];
	const components = input.components === undefined ? message.components : normalizeComponents(input.components ?? []);
	const attachments = input.attachments === undefined ? message.attachments : [...(input.attachments ?? [])];
	const limits = checkMessageLimits({ content, embeds, components, attachmentCount: attachments.length });
	if (limits) throw limits;
	const mentionErrors = validateAllowedMentions(input.allowedMentions);
	if (mentionErrors) throw DiscordApiFailure.invalidFormBody(mentionErrors);

	const wasLoading = (message.flags & LoadingFlag) !== 0;
	message.content = content;
	message.embeds = embeds;
	message.components = components;
	message.attachments = attachments;
	if (typeof input.flags === 'number') message.flags = (message.flags & ~4) | (input.flags & 4);
	message.flags &= ~LoadingFlag;
	const channel = store.channels.get(message.channelId);
	if (wasLoading && channel) {
		const authorUserId = message.webhookId !== null && message.interaction === null ? null : store.bot.id;
		message.pings = computePings(store, { channel, content, authorUserId, allowedMentions: input.allowedMentions });
	} else {
		message.editedTimestamp = Date.now();
	}
	store.emit({ type: 'messageUpdate', message });
	return message;
}
