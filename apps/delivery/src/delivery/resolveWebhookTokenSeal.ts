import { type Config, type Logger, StartupError } from '@charbot/core';
import { WebhookTokenSeal } from './WebhookTokenSeal.js';

/**
 * The seal for channel webhook tokens from `WEBHOOK_TOKEN_KEY`. Production refuses to start without the key; elsewhere a
 * key is made up for this run, loudly, and tokens sealed by an earlier run are fetched from Discord again.
 */
export function resolveWebhookTokenSeal(config: Pick<Config, 'NODE_ENV' | 'WEBHOOK_TOKEN_KEY'>, logger: Logger): WebhookTokenSeal {
	const key = config.WEBHOOK_TOKEN_KEY;
	if (key !== undefined) return new WebhookTokenSeal(Buffer.from(key, 'base64'));
	if (config.NODE_ENV === 'production') {
		throw new StartupError(
			'WEBHOOK_TOKEN_KEY is required in production: delivery seals channel webhook tokens with it before caching them in Redis. Make one with `openssl rand -base64 32` and give it to delivery only (docs/runbook.md).',
		);
	}
	logger.warn(
		'WEBHOOK_TOKEN_KEY IS NOT SET: channel webhook tokens are sealed with a key made up for this run only; after a restart each channel webhook is fetched from Discord again. Set WEBHOOK_TOKEN_KEY (`openssl rand -base64 32`) for any real deployment.',
	);
	return WebhookTokenSeal.withRandomKey();
}
