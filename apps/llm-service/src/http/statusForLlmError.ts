import type { LlmError, LlmErrorCode } from '@charbot/llm';

/** The HTTP status of each LLM failure, on the native API and the Ollama-compatible front alike. */
export const LlmErrorStatus = {
	'invalid-request': 400,
	'model-not-found': 404,
	'no-host-available': 503,
	upstream: 503,
	// The pool is closing (or the client left, when nobody reads the answer).
	aborted: 503,
	'deadline-exceeded': 504,
	'structured-output': 502,
} as const satisfies Record<LlmErrorCode, number>;

/** Maps an {@link LlmError} to its HTTP status. */
export function statusForLlmError(error: LlmError): number {
	return LlmErrorStatus[error.code];
}
