/** Stable identifiers of LLM failures, for logs, metrics and callers' decisions. */
export type LlmErrorCode = 'model-not-found' | 'invalid-request' | 'deadline-exceeded' | 'no-host-available' | 'aborted' | 'upstream' | 'structured-output';

/** A failure of the LLM layer; `retryable` tells a queue whether trying later can help. */
export class LlmError extends Error {
	public constructor(
		public readonly code: LlmErrorCode,
		message: string,
		public readonly retryable: boolean,
		options?: { cause?: unknown },
	) {
		super(message, options);
		this.name = 'LlmError';
	}
}

/** No configured host has the model: names the model and every host asked. */
export class ModelNotFoundError extends LlmError {
	public constructor(
		public readonly model: string,
		public readonly hosts: readonly string[],
	) {
		super('model-not-found', `Model "${model}" is not available on any host (${hosts.join(', ')}). Pull it with: ollama pull ${model}`, false);
		this.name = 'ModelNotFoundError';
	}
}

/** Ollama refused the request itself (400): no retry can fix it. */
export class InvalidRequestError extends LlmError {
	public constructor(message: string, options?: { cause?: unknown }) {
		super('invalid-request', message, false, options);
		this.name = 'InvalidRequestError';
	}
}

/** The model cannot read images (no vision projector): the request must go without them, on no host will it see. */
export class ModelCannotSeeError extends InvalidRequestError {
	public constructor(
		public readonly model: string,
		host: string,
		detail: string,
		options?: { cause?: unknown },
	) {
		super(`${host}: model "${model}" cannot read images (${detail.slice(0, 200)}); name a vision model in OLLAMA_VISION_MODEL or the roles file`, options);
		this.name = 'ModelCannotSeeError';
	}
}

/** One attempt on one host failed in a way another attempt may not (timeout, refused, 5xx, mid-stream). */
export class UpstreamError extends LlmError {
	public constructor(
		public readonly host: string,
		public readonly reason: string,
		options?: { cause?: unknown },
	) {
		super('upstream', `${host}: ${reason}`, true, options);
		this.name = 'UpstreamError';
	}
}

/** The host said it is too busy (HTTP 429 or 503): another host is tried, and this one is left alone until `retryAfterMs` passes. */
export class HostBusyError extends UpstreamError {
	public constructor(
		host: string,
		reason: string,
		/** From the host's `Retry-After`, when it gave one. */
		public readonly retryAfterMs: number | undefined,
		options?: { cause?: unknown },
	) {
		super(host, reason, options);
		this.name = 'HostBusyError';
	}
}

/** The prompt is longer than the model's context on the host: no retry can fix it, a shorter prompt can. */
export class ContextOverflowError extends InvalidRequestError {
	public constructor(host: string, model: string, detail: string, options?: { cause?: unknown }) {
		super(`${host}: the prompt does not fit the context of "${model}" (${detail.slice(0, 200)})`, options);
		this.name = 'ContextOverflowError';
	}
}
