/** A snapshot of REST traffic. */
export interface RestStatsSnapshot {
	/** Requests per route label, e.g. `{ 'POST /channels/:channelId/messages': 3 }`. */
	readonly requestsByRoute: Readonly<Record<string, number>>;
	readonly totalRequests: number;
	/** 429 answers served, injected plus over-limit ones. */
	readonly rateLimitedResponses: number;
	readonly injectedRateLimits: number;
	readonly injectedServerErrors: number;
	readonly unauthorized: number;
	readonly responsesByStatus: Readonly<Record<string, number>>;
}

/** Counts REST requests and answers for `stats()`. */
export class RestStats {
	readonly #byRoute = new Map<string, number>();
	readonly #byStatus = new Map<number, number>();
	#total = 0;
	#rateLimited = 0;
	#injectedRateLimits = 0;
	#injectedServerErrors = 0;
	#unauthorized = 0;

	/** Counts one request of a route (or `unmatched`). */
	public request(label: string): void {
		this.#total += 1;
		this.#byRoute.set(label, (this.#byRoute.get(label) ?? 0) + 1);
	}

	/** Counts one answer; `injected` marks a fault the tests asked for. */
	public response(status: number, injected = false): void {
		this.#byStatus.set(status, (this.#byStatus.get(status) ?? 0) + 1);
		if (status === 429) this.#rateLimited += 1;
		if (status === 401) this.#unauthorized += 1;
		if (injected && status === 429) this.#injectedRateLimits += 1;
		if (injected && status >= 500) this.#injectedServerErrors += 1;
	}

	/** The counts so far. */
	public snapshot(): RestStatsSnapshot {
		return {
			requestsByRoute: Object.fromEntries(this.#byRoute),
			totalRequests: this.#total,
			rateLimitedResponses: this.#rateLimited,
			injectedRateLimits: this.#injectedRateLimits,
			injectedServerErrors: this.#injectedServerErrors,
			unauthorized: this.#unauthorized,
			responsesByStatus: Object.fromEntries([...this.#byStatus].map(([status, count]) => [String(status), count])),
		};
	}
}
