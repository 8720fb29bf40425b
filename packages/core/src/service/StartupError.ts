/** A problem found at start that the operator can fix (a setting, a token); reported in one line, without a stack. */
export class StartupError extends Error {
	public constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'StartupError';
	}
}
