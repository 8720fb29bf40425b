import { snowflakeSchema } from '@charbot/contracts';

const webhookUrlPattern = /\/webhooks\/(\d{17,20})\/[^/\s]+\/?$/;

/**
 * The webhook id in the value the delivery worker caches under `Keyspace.channelWebhook`: the bare id (its token is
 * cached apart, where the gateway cannot read it); the JSON `{ id, token }` of earlier versions or a webhook URL are
 * accepted too. Anything else is undefined: that webhook is then unknown, never guessed.
 */
export function parseChannelWebhookId(stored: string): string | undefined {
	const text = stored.trim();
	if (snowflakeSchema.safeParse(text).success) return text;
	const fromUrl = webhookUrlPattern.exec(text)?.[1];
	if (fromUrl !== undefined) return fromUrl;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return undefined;
	}
	// Only a string id: a snowflake parsed as a JSON number has already lost digits.
	if (typeof parsed !== 'object' || parsed === null || !('id' in parsed) || typeof parsed.id !== 'string') return undefined;
	return snowflakeSchema.safeParse(parsed.id).success ? parsed.id : undefined;
}
