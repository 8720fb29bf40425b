import { scrubSecrets } from '@charbot/core';
import { DiscordAPIError, HTTPError } from '@discordjs/rest';
import { DiscordRefusedError } from './DiscordRefusedError.js';

/** Discord's "Unknown Webhook" error code. */
export const UnknownWebhookCode = 10015;

/** Discord's "Unknown Message" error code. */
export const UnknownMessageCode = 10008;

/** Whether `error` is Discord's JSON error with this code. */
export function isDiscordError(error: unknown, code: number): error is DiscordAPIError {
	return error instanceof DiscordAPIError && error.code === code;
}

/**
 * Sorts a failed Discord request for the queue: a 4xx (429s are retried inside `@discordjs/rest`) becomes a
 * {@link DiscordRefusedError}, which BullMQ does not retry; 5xx and network errors stay retryable. Messages
 * name the route label, never the URL, which may hold a webhook or interaction token.
 */
export function toDeliveryError(error: unknown, route: string): Error {
	if (error instanceof DiscordAPIError) {
		const detail = error.message.split('\n')[0] ?? 'no message';
		if (error.status >= 400 && error.status < 500 && error.status !== 429) return new DiscordRefusedError(route, error.status, error.code, detail);
		return new Error(`Discord answered ${route} with HTTP ${error.status}: ${detail} (code ${error.code}); will retry`);
	}
	if (error instanceof HTTPError) return new Error(`Discord answered ${route} with HTTP ${error.status} ${error.message}; will retry`);
	const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return new Error(`Discord could not be reached for ${route} (${scrubSecrets(reason)}); will retry`, { cause: error });
}
