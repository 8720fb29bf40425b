/** What a delivery job returns (kept on the completed job). */
export interface DeliverJobResult {
	/** Discord ids of every part, in order. */
	readonly messageIds: readonly string[];
	/** Parts posted (or, for a regeneration, edited) by this attempt; the rest were before. */
	readonly posted: number;
	readonly skipped: number;
}
