/** The judge gave no judgement within `QC_JUDGE_TIMEOUT_MS`; the rules decide alone. */
export class JudgeTimeoutError extends Error {
	public constructor(
		/** The limit that passed, in milliseconds. */
		public readonly timeoutMs: number,
		options?: ErrorOptions,
	) {
		super(`the judge gave no judgement within ${timeoutMs} ms`, options);
		this.name = 'JudgeTimeoutError';
	}
}
