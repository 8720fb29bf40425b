/** One character's numbers in a guild over a window of hours (see `GuildStats.summary`). */
export interface CharacterStats {
	readonly characterId: string;
	/** Replies delivered to Discord. */
	readonly replies: number;
	/** Candidates that passed review, and those that failed it (regenerated or rejected). */
	readonly passed: number;
	readonly failed: number;
	/** Of the passed, candidates posted after quality control removed a wrapper (a preface, a note, template tokens). */
	readonly repaired: number;
	/** Of the failed, candidates sent back to the model with the reasons. */
	readonly regenerated: number;
	/** `passed / (passed + failed)`, or null without reviews. */
	readonly passRate: number | null;
	/** Median of the sampled delivery latencies (message sent → reply posted), or null without deliveries. */
	readonly medianLatencyMs: number | null;
	/** Candidates generated, and how many of them came from the response cache. */
	readonly generated: number;
	readonly cacheHits: number;
	/** `cacheHits / generated`, or null without generations. */
	readonly cacheHitRate: number | null;
}
