/** A control-API call that cannot be carried out as asked (unknown command, missing option, non-member); the message says why. */
export class EmulatorInputError extends Error {
	public constructor(message: string) {
		super(message);
		this.name = 'EmulatorInputError';
	}
}
