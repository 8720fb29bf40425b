import { DiscordApiFailure, invalidField } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import { createMessage } from '../messages/createMessage.js';
import { editMessage, LoadingFlag } from '../messages/editMessage.js';
import type { MessageBody } from '../rest/parseMessageBody.js';
import { keptAttachments } from '../rest/routes/messageRoutes.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { AttachmentRecord, InteractionRecord, MessageRecord } from '../state/records.js';

/** Interaction callback types the emulator understands. */
export const CallbackType = {
	Pong: 1,
	ChannelMessageWithSource: 4,
	DeferredChannelMessageWithSource: 5,
	DeferredUpdateMessage: 6,
	UpdateMessage: 7,
	AutocompleteResult: 8,
	Modal: 9,
} as const;

/** The ephemeral message flag. */
export const EphemeralFlag = 1 << 6;

// Per interaction type: 2 command, 3 message component, 4 autocomplete.
const allowedCallbackTypes: Readonly<Record<number, readonly number[]>> = {
	2: [CallbackType.ChannelMessageWithSource, CallbackType.DeferredChannelMessageWithSource, CallbackType.Modal],
	3: [
		CallbackType.ChannelMessageWithSource,
		CallbackType.DeferredChannelMessageWithSource,
		CallbackType.DeferredUpdateMessage,
		CallbackType.UpdateMessage,
		CallbackType.Modal,
	],
	4: [CallbackType.AutocompleteResult],
};

/** Input of {@link respondToInteraction}. */
export interface RespondInput {
	readonly interactionId: string;
	readonly token: string;
	readonly type: number;
	readonly data: MessageBody | null;
	readonly attachments: readonly AttachmentRecord[];
	/** How long after creation a first response is accepted (Discord: 3 s). */
	readonly callbackTimeoutMs: number;
}

/**
 * Records the bot's initial response to an interaction. Types 4 and 5 create the `@original` message; for a component
 * interaction, 6 acknowledges and 7 edits the message the component is on, which then is `@original`. Returns the message
 * made or updated (null for 6, 8 and 9).
 */
export function respondToInteraction(store: EmulatorStore, input: RespondInput): { interaction: InteractionRecord; message: MessageRecord | null } {
	const interaction = store.interactions.get(input.interactionId);
	if (!interaction || interaction.token !== input.token) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownInteraction);
	if (interaction.callback) throw new DiscordApiFailure(400, DiscordErrorCodes.InteractionAlreadyAcknowledged);
	if (Date.now() - interaction.createdAt > input.callbackTimeoutMs) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownInteraction);
	const allowed = allowedCallbackTypes[interaction.type] ?? [];
	if (!allowed.includes(input.type))
		throw invalidField('type', 'INTERACTION_RESPONSE_TYPE_INVALID', `Interaction response type ${input.type} is not valid for this interaction`);

	let message: MessageRecord | null = null;
	if (input.type === CallbackType.AutocompleteResult) {
		const choices = Array.isArray(input.data?.choices) ? input.data.choices : [];
		if (choices.length > 25) throw invalidField('data.choices', 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
		interaction.autocompleteChoices = choices;
	} else if (input.type === CallbackType.ChannelMessageWithSource || input.type === CallbackType.DeferredChannelMessageWithSource) {
		const deferred = input.type === CallbackType.DeferredChannelMessageWithSource;
		const ephemeral = ((input.data?.flags ?? 0) & EphemeralFlag) !== 0;
		message = createMessage(store, {
			channelId: interaction.channelId,
			author: { kind: 'interaction', interaction },
			content: deferred ? '' : (input.data?.content ?? undefined),
			embeds: deferred ? [] : (input.data?.embeds ?? undefined),
			components: deferred ? [] : (input.data?.components ?? undefined),
			attachments: deferred ? [] : input.attachments,
			allowedMentions: deferred ? undefined : input.data?.allowed_mentions,
			tts: input.data?.tts,
			flags: (ephemeral ? EphemeralFlag : 0) | (deferred ? LoadingFlag : 0) | ((input.data?.flags ?? 0) & 4),
			type: 20,
			allowEmpty: deferred,
		});
		interaction.originalMessageId = message.id;
	} else if (input.type === CallbackType.DeferredUpdateMessage || input.type === CallbackType.UpdateMessage) {
		message = updateComponentMessage(store, interaction, input);
	}
	interaction.callback = { type: input.type, data: input.data ? { ...input.data } : null, at: Date.now() };
	store.emit({ type: 'interactionUpdate', interaction });
	return { interaction, message };
}

function updateComponentMessage(store: EmulatorStore, interaction: InteractionRecord, input: RespondInput): MessageRecord | null {
	const messageId = interaction.component?.messageId ?? '';
	const target = store.message(interaction.channelId, messageId);
	if (!target) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownMessage);
	interaction.originalMessageId = target.id;
	if (input.type === CallbackType.DeferredUpdateMessage) return null;
	const data = input.data;
	return editMessage(store, target, {
		content: data?.content,
		embeds: data?.embeds,
		components: data?.components,
		allowedMentions: data?.allowed_mentions,
		...(input.attachments.length > 0 || data?.attachments !== undefined ? { attachments: keptAttachments(target, data?.attachments, input.attachments) } : {}),
	});
}
