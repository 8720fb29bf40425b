import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { WebhookRecord } from '../state/records.js';

/** The webhook or 10015 Unknown Webhook; with a token, a wrong one is 50027 Invalid Webhook Token. */
export function requireWebhook(store: EmulatorStore, webhookId: string | undefined, token?: string): WebhookRecord {
	const webhook = store.webhooks.get(webhookId ?? '');
	if (!webhook) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownWebhook);
	if (token !== undefined && token !== webhook.token) throw new DiscordApiFailure(401, DiscordErrorCodes.InvalidWebhookToken);
	return webhook;
}
