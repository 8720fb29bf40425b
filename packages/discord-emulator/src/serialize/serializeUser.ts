import type { UserRecord, WebhookRecord } from '../state/records.js';
import { avatarHash } from './avatarHash.js';

/** A user object as the API sends it. */
export function serializeUser(user: UserRecord): Record<string, unknown> {
	return {
		id: user.id,
		username: user.username,
		global_name: user.globalName,
		discriminator: '0',
		avatar: user.avatarUrl === null ? null : avatarHash(user.avatarUrl),
		...(user.bot ? { bot: true } : {}),
		public_flags: 0,
		flags: 0,
		banner: null,
		accent_color: null,
		avatar_decoration_data: null,
		collectibles: null,
		primary_guild: null,
	};
}

/** The author object of a webhook message: the webhook's id with the name and avatar (as a hash) the message shows. */
export function serializeWebhookAuthor(webhook: Pick<WebhookRecord, 'id'>, name: string, avatarUrl: string | null): Record<string, unknown> {
	return {
		id: webhook.id,
		username: name,
		global_name: null,
		discriminator: '0000',
		avatar: avatarUrl === null ? null : avatarHash(avatarUrl),
		bot: true,
		public_flags: 0,
		flags: 0,
		primary_guild: null,
	};
}
