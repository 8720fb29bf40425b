/** One request as a concurrency limit tracks it, from the slot taken until its outcome. */
export interface ConcurrencySample {
	/** When the slot was taken (clock ms). */
	readonly startedAt: number;
	/** This process's requests on the host at that moment, this one included. */
	readonly inFlightAtStart: number;
	/** Whether the model was loaded, so the first token measures queueing rather than a cold load. */
	readonly warm: boolean;
}

/** How many requests a host may have in flight from this process; swappable (fixed cap or adaptive). */
export interface ConcurrencyLimit {
	/** `fixed` or `adaptive`, for logs and health. */
	readonly kind: 'fixed' | 'adaptive';
	/** The current limit, a whole number of at least 1. */
	readonly limit: number;
	/** The requests at once the host is known to serve (the fixed cap; the adaptive limit once it has found the host's slots); undefined while unknown. */
	readonly capacity: number | undefined;
	/** The highest the limit may ever be (sizes the host's connection pool). */
	readonly maxLimit: number;
	/** A request took a slot. */
	onStart(sample: ConcurrencySample): void;
	/** The request's first chunk came `firstTokenMs` after it was sent; true when the limit grew (waiting requests may go now). */
	onFirstToken(sample: ConcurrencySample, firstTokenMs: number): boolean;
	/** The request finished with a reply. */
	onSuccess(sample: ConcurrencySample): void;
	/** The host answered that it is too busy (HTTP 503 or 429). */
	onOverload(sample: ConcurrencySample): void;
	/** The request ended otherwise (failure, cancel): it says nothing about the host's slots. */
	onDropped(sample: ConcurrencySample): void;
}
