/** Bounds of {@link outageRetryDelay}. */
export interface OutageRetryLimits {
	readonly minMs: number;
	readonly maxMs: number;
}

/** Retries during an outage: at least 1 s apart, never more than 30 s, so a returning host is used soon. */
export const DefaultOutageRetryLimits = { minMs: 1000, maxMs: 30_000 } as const satisfies OutageRetryLimits;

/**
 * How long a job waits before trying again while no LLM host can serve: about as long as it has waited already (so
 * the delays double), within the limits, with ±25 % jitter so the waiting jobs don't all come back at the same moment.
 */
export function outageRetryDelay(waitedMs: number, random: () => number = Math.random, limits: OutageRetryLimits = DefaultOutageRetryLimits): number {
	const base = Math.min(limits.maxMs, Math.max(limits.minMs, waitedMs));
	return Math.round(Math.min(limits.maxMs, base * (0.75 + random() * 0.5)));
}
