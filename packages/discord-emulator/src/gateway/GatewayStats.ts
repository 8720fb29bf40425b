/** A snapshot of gateway activity. */
export interface GatewayStatsSnapshot {
	readonly openConnections: number;
	readonly sessions: number;
	readonly connectionsOpened: number;
	readonly identifies: number;
	readonly resumes: number;
	readonly failedResumes: number;
	readonly replayedEvents: number;
	readonly dispatched: number;
	readonly reconnectsRequested: number;
	readonly invalidSessionsSent: number;
	/** How sockets closed, by close code. */
	readonly closeCodes: Readonly<Record<string, number>>;
}

/** Counters of the gateway for `stats()`. */
export class GatewayStats {
	public connectionsOpened = 0;
	public identifies = 0;
	public resumes = 0;
	public failedResumes = 0;
	public replayedEvents = 0;
	public dispatched = 0;
	public reconnectsRequested = 0;
	public invalidSessionsSent = 0;
	readonly #closeCodes = new Map<number, number>();

	/** Counts one closed socket. */
	public countClose(code: number): void {
		this.#closeCodes.set(code, (this.#closeCodes.get(code) ?? 0) + 1);
	}

	/** The counters with the current connection and session counts. */
	public snapshot(openConnections: number, sessions: number): GatewayStatsSnapshot {
		return {
			openConnections,
			sessions,
			connectionsOpened: this.connectionsOpened,
			identifies: this.identifies,
			resumes: this.resumes,
			failedResumes: this.failedResumes,
			replayedEvents: this.replayedEvents,
			dispatched: this.dispatched,
			reconnectsRequested: this.reconnectsRequested,
			invalidSessionsSent: this.invalidSessionsSent,
			closeCodes: Object.fromEntries([...this.#closeCodes].map(([code, count]) => [String(code), count])),
		};
	}
}
