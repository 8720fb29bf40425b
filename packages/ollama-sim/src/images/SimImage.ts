/** One image a chat or generate request carried, as the simulator decoded it. */
export interface SimImage {
	/** Index of the message that carried it (generate's `images` belong to the prompt, the last message). */
	readonly message: number;
	/** Length of the decoded image in bytes. */
	readonly bytes: number;
	/** SHA-256 of the decoded bytes, 64 lowercase hex characters. */
	readonly sha256: string;
}
