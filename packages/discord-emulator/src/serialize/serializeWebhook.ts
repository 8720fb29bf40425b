import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { WebhookRecord } from '../state/records.js';
import { avatarHash } from './avatarHash.js';
import { serializeUser } from './serializeUser.js';

/** A webhook object; the token is shown only to those allowed to see it. */
export function serializeWebhook(store: EmulatorStore, webhook: WebhookRecord, baseUrl: string, { withToken = true } = {}): Record<string, unknown> {
	const creator = store.users.get(webhook.creatorId);
	return {
		id: webhook.id,
		type: 1,
		guild_id: webhook.guildId,
		channel_id: webhook.channelId,
		...(creator ? { user: serializeUser(creator) } : {}),
		name: webhook.name,
		avatar: webhook.avatarUrl === null ? null : avatarHash(webhook.avatarUrl),
		application_id: webhook.applicationId,
		...(withToken ? { token: webhook.token, url: `${baseUrl}/webhooks/${webhook.id}/${webhook.token}` } : {}),
	};
}
