import { DiscordApiFailure } from '../../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../../errors/DiscordErrorCodes.js';
import { hasPermission } from '../../permissions/computeMemberPermissions.js';
import { memberPermissionsIn } from '../../permissions/memberPermissionsIn.js';
import { PermissionFlags } from '../../permissions/PermissionFlags.js';
import { serializeWebhook } from '../../serialize/serializeWebhook.js';
import type { EmulatorStore } from '../../state/EmulatorStore.js';
import { validateWebhookName } from '../../validation/validateWebhookName.js';
import { createWebhook } from '../../webhooks/createWebhook.js';
import { requireWebhook } from '../../webhooks/requireWebhook.js';
import { json, noContent, type RestContext, type RestRoute } from '../RestRoute.js';
import { requireChannel } from './messageRoutes.js';

/** Channel webhooks: create, list, get, modify, delete (executing them lives in `tokenMessageRoutes`). */
export const webhookRoutes: readonly RestRoute[] = [
	{
		method: 'POST',
		pattern: '/channels/:channelId/webhooks',
		auth: true,
		handle: async ({ store, params, payload, env }) => {
			requireChannel(store, params.channelId);
			const { json: raw } = await payload();
			const body = (raw ?? {}) as { name?: unknown; avatar?: unknown };
			const avatarUrl = typeof body.avatar === 'string' && body.avatar.startsWith('data:image/') ? body.avatar : null;
			const webhook = createWebhook(store, params.channelId ?? '', { name: body.name, avatarUrl, creatorId: store.bot.id });
			return json(serializeWebhook(store, webhook, env.apiBaseUrl));
		},
	},
	{
		method: 'GET',
		pattern: '/channels/:channelId/webhooks',
		auth: true,
		handle: ({ store, params, env }) => {
			const channel = requireChannel(store, params.channelId);
			requireManageWebhooks(store, channel.guildId);
			return json(
				[...store.webhooks.values()].filter((webhook) => webhook.channelId === channel.id).map((webhook) => serializeWebhook(store, webhook, env.apiBaseUrl)),
			);
		},
	},
	{
		method: 'GET',
		pattern: '/guilds/:guildId/webhooks',
		auth: true,
		handle: ({ store, params, env }) => {
			if (!store.guilds.has(params.guildId ?? '')) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownGuild);
			requireManageWebhooks(store, params.guildId ?? null);
			return json(
				[...store.webhooks.values()].filter((webhook) => webhook.guildId === params.guildId).map((webhook) => serializeWebhook(store, webhook, env.apiBaseUrl)),
			);
		},
	},
	{
		method: 'GET',
		pattern: '/webhooks/:webhookId',
		auth: true,
		handle: ({ store, params, env }) => json(serializeWebhook(store, requireWebhook(store, params.webhookId), env.apiBaseUrl)),
	},
	{ method: 'PATCH', pattern: '/webhooks/:webhookId', auth: true, handle: (context) => modify(context, false) },
	{ method: 'DELETE', pattern: '/webhooks/:webhookId', auth: true, handle: (context) => remove(context, false) },
	{
		method: 'GET',
		pattern: '/webhooks/:webhookId/:token',
		auth: false,
		handle: ({ store, params, env }) => json(serializeWebhook(store, requireWebhook(store, params.webhookId, params.token), env.apiBaseUrl)),
	},
	{ method: 'PATCH', pattern: '/webhooks/:webhookId/:token', auth: false, handle: (context) => modify(context, true) },
	{ method: 'DELETE', pattern: '/webhooks/:webhookId/:token', auth: false, handle: (context) => remove(context, true) },
];

function requireManageWebhooks(store: EmulatorStore, guildId: string | null): void {
	if (guildId === null || !hasPermission(memberPermissionsIn(store, guildId, store.bot.id), PermissionFlags.ManageWebhooks))
		throw DiscordApiFailure.missingPermissions();
}

async function modify({ store, params, payload, env }: RestContext, withToken: boolean) {
	const webhook = requireWebhook(store, params.webhookId, withToken ? params.token : undefined);
	const { json: raw } = await payload();
	const body = (raw ?? {}) as { name?: unknown; avatar?: unknown };
	if (body.name !== undefined) {
		const nameError = validateWebhookName(body.name);
		if (nameError) throw DiscordApiFailure.invalidFormBody({ name: [nameError] });
		webhook.name = String(body.name).trim();
	}
	if (body.avatar === null) webhook.avatarUrl = null;
	else if (typeof body.avatar === 'string' && body.avatar.startsWith('data:image/')) webhook.avatarUrl = body.avatar;
	store.emit({ type: 'webhooksUpdate', channelId: webhook.channelId, guildId: webhook.guildId });
	return json(serializeWebhook(store, webhook, env.apiBaseUrl, { withToken: !withToken }));
}

function remove({ store, params }: RestContext, withToken: boolean) {
	const webhook = requireWebhook(store, params.webhookId, withToken ? params.token : undefined);
	store.webhooks.delete(webhook.id);
	store.emit({ type: 'webhooksUpdate', channelId: webhook.channelId, guildId: webhook.guildId });
	return noContent;
}
