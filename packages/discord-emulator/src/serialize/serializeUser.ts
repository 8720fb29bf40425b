import type { UserRecord, WebhookRecord } from '../state/records.js';

/** A user object as the API sends it. */
export function serializeUser(user: UserRecord): Record<string, unknown> {
	return {
		id: user.id,
		username: user.username,
		global_name: user.globalName,
		discriminator: '0',
		avatar: null,
		...(user.bot ? { bot: true } : {}),
		public_flags: 0,
		flags: 0,
		banner: null,
		accent_color: null,
		avatar_decoration_data: null,
	};
}

/** The author object of a webhook message: the webhook's id with the name the message shows. */
export function serializeWebhookAuthor(webhook: Pick<WebhookRecord, 'id'>, name: string): Record<string, unknown> {
	return { id: webhook.id, username: name, global_name: null, discriminator: '0000', avatar: null, bot: true, public_flags: 0, flags: 0 };
}
