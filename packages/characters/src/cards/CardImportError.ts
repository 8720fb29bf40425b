/** Thrown when a file is not a usable Character Card; the message names the file and every reason. */
export class CardImportError extends Error {
	/** Each thing wrong, e.g. `data.name: the card has no name`. */
	public readonly reasons: readonly string[];

	public constructor(source: string, reasons: readonly string[]) {
		super(`${source}: cannot import the character card: ${reasons.join('; ')}`);
		this.name = 'CardImportError';
		this.reasons = reasons;
	}
}
