/** No LLM host can serve the role now (every one down or cooling down): the job should wait for one instead of spending an attempt. */
export class LlmOutageError extends Error {
	public constructor(
		public readonly role: string,
		options?: { cause?: unknown },
	) {
		super(`no LLM host can serve role "${role}" now: every host is down or cooling down`, options);
		this.name = 'LlmOutageError';
	}
}
