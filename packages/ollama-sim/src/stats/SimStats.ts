/** What a simulator has done since it started or since `resetStats()`; `/_sim/stats` returns the same. */
export interface SimStats {
	/** When counting began (ISO 8601). */
	startedAt: string;
	requests: {
		/** Every request to the simulated APIs (`/`, `/api/*`, `/v1/*`, `/health`, `/metrics`); control requests under `/_sim/` are not counted. */
		total: number;
		/** By path, e.g. `/api/chat`, `/v1/chat/completions`, `/v1/models/{id}` (`other` for unknown paths). */
		byEndpoint: Record<string, number>;
		/** By normalised model name, for requests that named one. */
		byModel: Record<string, number>;
		/** By HTTP status sent (200 also for streams that later failed mid-way). */
		byStatus: Record<string, number>;
	};
	/** Requests being handled now (queued, loading, generating or hung), and the most at once. */
	inFlight: number;
	maxInFlight: number;
	/** Requests waiting for a model load or a free slot now, and the most at once. */
	queued: number;
	maxQueued: number;
	/** Requests holding a slot (evaluating or generating) now, and the most at once. */
	active: number;
	maxActive: number;
	/** Faults served, by kind (`hang`, `http500`, ..., and `slow` for requests served while `slowFactor` ≠ 1). */
	faults: Record<string, number>;
	/** Requests refused (503 on `/api/*`, 429 on `/v1/*`) because `maxQueue` were already waiting. */
	rejected: number;
	/** Cold loads performed and models unloaded (keep-alive expiry or `keep_alive: 0`). */
	loads: number;
	unloads: number;
	/** Reply tokens sent and prompt tokens evaluated. */
	tokensGenerated: number;
	promptTokens: number;
	/** Sloppy replies (see `SimBehavior.sloppy`). */
	sloppy: {
		/** Chat/generate replies without `format` served while `sloppy` > 0. */
		eligible: number;
		/** Replies whose injected failure reached the client; each one is in `sloppyRecords()`. */
		injected: number;
		/** Replies made sloppy whose failure a stop sequence, `num_predict` or a client leaving cut away. */
		cut: number;
		/** {@link injected} by kind. */
		byKind: Record<string, number>;
	};
}
