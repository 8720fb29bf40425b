import { DiscordApiFailure } from '../../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../../errors/DiscordErrorCodes.js';
import { createMessage } from '../../messages/createMessage.js';
import { deleteMessage } from '../../messages/deleteMessage.js';
import { editMessage } from '../../messages/editMessage.js';
import { hasPermission } from '../../permissions/computeMemberPermissions.js';
import { memberPermissionsIn } from '../../permissions/memberPermissionsIn.js';
import { PermissionFlags } from '../../permissions/PermissionFlags.js';
import { serializeMessage } from '../../serialize/serializeMessage.js';
import type { EmulatorStore } from '../../state/EmulatorStore.js';
import type { AttachmentRecord, ChannelRecord, MessageRecord } from '../../state/records.js';
import { parseMessageBody } from '../parseMessageBody.js';
import { json, noContent, type RestContext, type RestRoute } from '../RestRoute.js';

/** Channel messages as the bot uses them: send (with replies and allowed_mentions), list, get, edit, delete, typing. */
export const messageRoutes: readonly RestRoute[] = [
	{ method: 'POST', pattern: '/channels/:channelId/messages', auth: true, handle: (context) => send(context) },
	{ method: 'GET', pattern: '/channels/:channelId/messages', auth: true, handle: (context) => list(context) },
	{
		method: 'GET',
		pattern: '/channels/:channelId/messages/:messageId',
		auth: true,
		handle: ({ store, params }) => json(serializeMessage(store, requireMessage(store, params.channelId, params.messageId), { gateway: false })),
	},
	{ method: 'PATCH', pattern: '/channels/:channelId/messages/:messageId', auth: true, handle: (context) => edit(context) },
	{ method: 'DELETE', pattern: '/channels/:channelId/messages/:messageId', auth: true, handle: (context) => remove(context) },
	{
		method: 'POST',
		pattern: '/channels/:channelId/typing',
		auth: true,
		handle: ({ store, params }) => {
			const channel = requireChannel(store, params.channelId);
			store.emit({ type: 'typingStart', channelId: channel.id, guildId: channel.guildId, userId: store.bot.id, timestamp: Date.now() });
			return noContent;
		},
	},
];

async function send({ store, params, payload }: RestContext) {
	const channel = requireChannel(store, params.channelId);
	const { json: raw, files } = await payload();
	const body = parseMessageBody(raw);
	const message = createMessage(store, {
		channelId: channel.id,
		author: { kind: 'user', userId: store.bot.id },
		content: body.content ?? undefined,
		embeds: body.embeds ?? undefined,
		components: body.components ?? undefined,
		attachments: files,
		stickerIds: body.sticker_ids,
		tts: body.tts,
		flags: (body.flags ?? 0) & (4 | 4096),
		nonce: body.nonce,
		enforceNonce: body.enforce_nonce,
		messageReference: body.message_reference,
		allowedMentions: body.allowed_mentions,
		checkPermissions: true,
	});
	return json(serializeMessage(store, message, { gateway: false }));
}

function list({ store, params, query }: RestContext) {
	const channel = requireChannel(store, params.channelId);
	const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
	const all = [...(channel.messages?.values() ?? [])];
	let picked: MessageRecord[];
	const before = query.get('before');
	const after = query.get('after');
	const around = query.get('around');
	if (before) picked = all.filter((message) => BigInt(message.id) < BigInt(before)).slice(-limit);
	else if (after) picked = all.filter((message) => BigInt(message.id) > BigInt(after)).slice(0, limit);
	else if (around) {
		const index = all.findIndex((message) => BigInt(message.id) >= BigInt(around));
		const start = Math.max(0, (index === -1 ? all.length : index) - Math.floor(limit / 2));
		picked = all.slice(start, start + limit);
	} else picked = all.slice(-limit);
	return json(picked.reverse().map((message) => serializeMessage(store, message, { gateway: false })));
}

async function edit({ store, params, payload }: RestContext) {
	const message = requireMessage(store, params.channelId, params.messageId);
	if (message.authorId !== store.bot.id || message.webhookId !== null) throw new DiscordApiFailure(403, DiscordErrorCodes.CannotEditAnotherUsersMessage);
	const { json: raw, files } = await payload();
	const body = parseMessageBody(raw);
	const edited = editMessage(store, message, {
		content: body.content,
		embeds: body.embeds,
		components: body.components,
		flags: body.flags,
		allowedMentions: body.allowed_mentions,
		...(files.length > 0 || body.attachments !== undefined ? { attachments: keptAttachments(message, body.attachments, files) } : {}),
	});
	return json(serializeMessage(store, edited, { gateway: false }));
}

function remove({ store, params }: RestContext) {
	const channel = requireChannel(store, params.channelId);
	const message = requireMessage(store, params.channelId, params.messageId);
	const own = message.authorId === store.bot.id && message.webhookId === null;
	if (!own && !(channel.guildId && hasPermission(memberPermissionsIn(store, channel.guildId, store.bot.id, channel), PermissionFlags.ManageMessages))) {
		throw DiscordApiFailure.missingPermissions();
	}
	deleteMessage(store, message);
	return noContent;
}

/** Existing attachments listed by id in an edit body stay; new files are added. */
export function keptAttachments(message: MessageRecord, listed: readonly Record<string, unknown>[] | null | undefined, files: readonly AttachmentRecord[]) {
	const keepIds = new Set((listed ?? []).map((entry) => String(entry.id)));
	return [...message.attachments.filter((attachment) => keepIds.has(attachment.id)), ...files];
}

/** The channel or a 10003 Unknown Channel. */
export function requireChannel(store: EmulatorStore, channelId: string | undefined): ChannelRecord {
	const channel = store.channels.get(channelId ?? '');
	if (!channel) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownChannel);
	return channel;
}

function requireMessage(store: EmulatorStore, channelId: string | undefined, messageId: string | undefined): MessageRecord {
	requireChannel(store, channelId);
	const message = store.message(channelId ?? '', messageId ?? '');
	if (!message) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownMessage);
	return message;
}
