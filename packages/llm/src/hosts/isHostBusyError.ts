import { type LlmError, UpstreamError } from '../errors/LlmError.js';

const busyStatuses = new Set([429, 503]);

/**
 * Whether a host answered that it is too busy (HTTP 503: Ollama's queue is full; 429: an OpenAI-compatible server's
 * rate limit), read from the status the client put on the cause or, failing that, the `HTTP <status>` of the reason.
 */
export function isHostBusyError(error: LlmError): boolean {
	if (!(error instanceof UpstreamError)) return false;
	const cause = error.cause as { status_code?: unknown; status?: unknown } | undefined;
	const status = cause?.status_code ?? cause?.status;
	if (typeof status === 'number') return busyStatuses.has(status);
	return /\bHTTP (429|503)\b/u.test(error.reason);
}
