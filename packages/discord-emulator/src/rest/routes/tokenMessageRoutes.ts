import { keepNonInteractiveComponents } from '../../components/keepNonInteractiveComponents.js';
import { DiscordApiFailure } from '../../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../../errors/DiscordErrorCodes.js';
import { EphemeralFlag } from '../../interactions/respondToInteraction.js';
import { createMessage, type MessageAuthor } from '../../messages/createMessage.js';
import { deleteMessage } from '../../messages/deleteMessage.js';
import { editMessage } from '../../messages/editMessage.js';
import { serializeMessage } from '../../serialize/serializeMessage.js';
import type { EmulatorStore } from '../../state/EmulatorStore.js';
import type { InteractionRecord, MessageRecord } from '../../state/records.js';
import { validateWebhookName } from '../../validation/validateWebhookName.js';
import { requireWebhook } from '../../webhooks/requireWebhook.js';
import { parseMessageBody } from '../parseMessageBody.js';
import { json, noContent, type RestContext, type RestRoute } from '../RestRoute.js';
import { keptAttachments } from './messageRoutes.js';

/** How long an interaction token accepts follow-ups and edits. */
export const InteractionTokenLifetimeMs = 15 * 60_000;

/** Routes under `/webhooks/{id}/{token}`: executing a webhook or an interaction follow-up, and `messages/{id|@original}`. */
export const tokenMessageRoutes: readonly RestRoute[] = [
	{ method: 'POST', pattern: '/webhooks/:webhookId/:token', auth: false, handle: (context) => execute(context) },
	{
		method: 'GET',
		pattern: '/webhooks/:webhookId/:token/messages/:messageId',
		auth: false,
		handle: ({ store, params }) => json(serializeMessage(store, findTokenMessage(store, params), { gateway: false })),
	},
	{ method: 'PATCH', pattern: '/webhooks/:webhookId/:token/messages/:messageId', auth: false, handle: (context) => edit(context) },
	{
		method: 'DELETE',
		pattern: '/webhooks/:webhookId/:token/messages/:messageId',
		auth: false,
		handle: ({ store, params }) => {
			deleteMessage(store, findTokenMessage(store, params));
			return noContent;
		},
	},
];

async function execute({ store, params, query, payload }: RestContext) {
	const { json: raw, files } = await payload();
	const body = parseMessageBody(raw);
	let author: MessageAuthor;
	let channelId: string;
	let interaction: InteractionRecord | null = null;
	let components = body.components ?? undefined;
	if (params.webhookId === store.applicationId) {
		interaction = requireInteraction(store, params.token);
		if (!interaction.callback) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownWebhook);
		author = { kind: 'interaction', interaction };
		channelId = interaction.channelId;
	} else {
		const webhook = requireWebhook(store, params.webhookId, params.token);
		if (body.username !== undefined) {
			const nameError = validateWebhookName(body.username);
			if (nameError) throw DiscordApiFailure.invalidFormBody({ username: [nameError] });
		}
		author = { kind: 'webhook', webhook, username: body.username?.trim(), avatarUrl: body.avatar_url };
		// Discord ignores components from a webhook no application owns unless ?with_components=true, and then shows only link buttons.
		if (webhook.applicationId === null)
			components = components && query.get('with_components') === 'true' ? keepNonInteractiveComponents(components) : undefined;
		channelId = webhook.channelId;
	}
	const message = createMessage(store, {
		channelId,
		author,
		content: body.content ?? undefined,
		embeds: body.embeds ?? undefined,
		components,
		attachments: files,
		tts: body.tts,
		flags: (body.flags ?? 0) & (4 | 4096 | (interaction ? EphemeralFlag : 0)),
		allowedMentions: body.allowed_mentions,
	});
	if (interaction) interaction.followUpMessageIds.push(message.id);
	if (interaction) store.emit({ type: 'interactionUpdate', interaction });
	// Interaction follow-ups always return the message; plain webhooks only with ?wait=true.
	if (!interaction && query.get('wait') !== 'true') return noContent;
	return json(serializeMessage(store, message, { gateway: false }));
}

async function edit({ store, params, query, payload }: RestContext) {
	const message = findTokenMessage(store, params);
	const { json: raw, files } = await payload();
	const body = parseMessageBody(raw);
	let components = body.components;
	if (components && store.webhooks.get(params.webhookId ?? '')?.applicationId === null) {
		components = query.get('with_components') === 'true' ? keepNonInteractiveComponents(components) : undefined;
	}
	const edited = editMessage(store, message, {
		content: body.content,
		embeds: body.embeds,
		components,
		allowedMentions: body.allowed_mentions,
		...(files.length > 0 || body.attachments !== undefined ? { attachments: keptAttachments(message, body.attachments, files) } : {}),
	});
	const interaction = params.webhookId === store.applicationId ? store.interactionsByToken.get(params.token ?? '') : undefined;
	if (interaction) store.emit({ type: 'interactionUpdate', interaction });
	return json(serializeMessage(store, edited, { gateway: false }));
}

function requireInteraction(store: EmulatorStore, token: string | undefined): InteractionRecord {
	const interaction = store.interactionsByToken.get(token ?? '');
	if (!interaction) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownWebhook);
	if (Date.now() - interaction.createdAt > InteractionTokenLifetimeMs) throw new DiscordApiFailure(401, DiscordErrorCodes.InvalidWebhookToken);
	return interaction;
}

function findTokenMessage(store: EmulatorStore, params: Readonly<Record<string, string>>): MessageRecord {
	const requested = params.messageId ?? '';
	if (params.webhookId === store.applicationId) {
		const interaction = requireInteraction(store, params.token);
		const id = requested === '@original' ? interaction.originalMessageId : requested;
		const ours = id !== null && (id === interaction.originalMessageId || interaction.followUpMessageIds.includes(id));
		const message = ours && id !== null ? store.message(interaction.channelId, id) : undefined;
		if (!message) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownMessage);
		return message;
	}
	const webhook = requireWebhook(store, params.webhookId, params.token);
	const message = store.message(webhook.channelId, requested);
	if (!message || message.webhookId !== webhook.id) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownMessage);
	return message;
}
