/** Thrown when bytes are not a well-formed PNG: bad signature, truncated chunk, CRC mismatch. */
export class PngFormatError extends Error {
	/** Byte offset where the problem was found. */
	public readonly offset: number;

	public constructor(message: string, offset: number) {
		super(message);
		this.name = 'PngFormatError';
		this.offset = offset;
	}
}
