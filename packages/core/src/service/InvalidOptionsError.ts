/** Thrown when options given in code are invalid; its message names every bad option, what is wrong and what was given. */
export class InvalidOptionsError extends RangeError {
	public constructor(message: string) {
		super(message);
		this.name = 'InvalidOptionsError';
	}
}
