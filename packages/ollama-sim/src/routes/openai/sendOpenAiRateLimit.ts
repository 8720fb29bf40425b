import type { ServerResponse } from 'node:http';
import { OpenAiError } from './OpenAiError.js';
import { sendOpenAiError } from './sendOpenAiError.js';

/** Sends OpenAI's 429 with a `Retry-After` header (whole seconds), which the official client reads for its backoff. */
export function sendOpenAiRateLimit(response: ServerResponse, retryAfterSeconds: number, message: string): void {
	response.setHeader('retry-after', String(retryAfterSeconds));
	sendOpenAiError(response, new OpenAiError(429, message, 'requests', 'rate_limit_exceeded'));
}
