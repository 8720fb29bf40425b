import { openDmChannel } from '../../channels/openDmChannel.js';
import { DiscordApiFailure } from '../../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../../errors/DiscordErrorCodes.js';
import { serializeApplication } from '../../serialize/serializeApplication.js';
import { serializeChannel } from '../../serialize/serializeGuildParts.js';
import { serializeUser } from '../../serialize/serializeUser.js';
import { json, type RestRoute } from '../RestRoute.js';

/** Gateway discovery, the bot's user and application, other users and DM channels. */
export const userRoutes: readonly RestRoute[] = [
	{
		method: 'GET',
		pattern: '/gateway',
		auth: false,
		handle: ({ env }) => json({ url: env.gatewayUrl }),
	},
	{
		method: 'GET',
		pattern: '/gateway/bot',
		auth: true,
		handle: ({ env }) =>
			json({
				url: env.gatewayUrl,
				shards: env.shardCount,
				session_start_limit: { total: 1000, remaining: Math.max(0, 1000 - env.identifyCount()), reset_after: 86_400_000, max_concurrency: env.maxConcurrency },
			}),
	},
	{
		method: 'GET',
		pattern: '/users/@me',
		auth: true,
		handle: ({ store }) => json({ ...serializeUser(store.bot), verified: true, mfa_enabled: false, locale: 'en-US' }),
	},
	{ method: 'GET', pattern: '/applications/@me', auth: true, handle: ({ store }) => json(serializeApplication(store)) },
	{ method: 'GET', pattern: '/oauth2/applications/@me', auth: true, handle: ({ store }) => json(serializeApplication(store)) },
	{
		method: 'POST',
		pattern: '/users/@me/channels',
		auth: true,
		handle: async ({ store, payload }) => {
			const { json: body } = await payload();
			const recipientId = (body as { recipient_id?: unknown } | undefined)?.recipient_id;
			if (typeof recipientId !== 'string')
				throw DiscordApiFailure.invalidFormBody({ recipient_id: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] });
			const channel = openDmChannel(store, recipientId);
			return json(serializeChannel(channel, store.users.get(recipientId)));
		},
	},
	{
		method: 'GET',
		pattern: '/users/:userId',
		auth: true,
		handle: ({ store, params }) => {
			const user = store.users.get(params.userId ?? '');
			if (!user) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownUser);
			return json(serializeUser(user));
		},
	},
];
