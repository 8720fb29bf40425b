/** A problem found at start that the operator can fix (a setting, a token); printed without a stack trace. */
export class StartupError extends Error {
	public constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'StartupError';
	}
}
