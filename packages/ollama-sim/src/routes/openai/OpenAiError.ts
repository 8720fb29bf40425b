/** A `/v1` request answered with OpenAI's error shape `{error: {message, type, param, code}}`. */
export class OpenAiError extends Error {
	public constructor(
		/** The HTTP status, e.g. 400. */
		public readonly status: number,
		message: string,
		/** OpenAI's `type`, e.g. `invalid_request_error`. */
		public readonly type: string,
		/** OpenAI's `code`, e.g. `model_not_found`, or null. */
		public readonly code: string | null = null,
		/** The request field at fault, e.g. `messages[0].content`, or null. */
		public readonly param: string | null = null,
	) {
		super(message);
		this.name = 'OpenAiError';
	}
}
