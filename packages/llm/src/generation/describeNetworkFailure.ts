import { UpstreamError } from '../errors/LlmError.js';

/** A failure that never got an HTTP answer (refused, reset, DNS), with the system's code beside the message. */
export function describeNetworkFailure(error: unknown, host: string): UpstreamError {
	const message = error instanceof Error ? error.message : String(error);
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	const detail = cause?.code ?? cause?.message ?? message;
	return new UpstreamError(host, detail === message ? message : `${message} (${detail})`, { cause: error });
}
