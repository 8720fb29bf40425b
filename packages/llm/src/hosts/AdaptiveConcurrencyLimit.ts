import type { Clock } from '@charbot/core';
import type { ConcurrencyLimit, ConcurrencySample } from './ConcurrencyLimit.js';

/** Options of {@link AdaptiveConcurrencyLimit}. */
export interface AdaptiveConcurrencyOptions {
	/** The limit before anything is measured. */
	readonly initialLimit: number;
	/** The ceiling: the host's `maxParallel` from the roles file, else 256. */
	readonly maxLimit: number;
	/** A first token within baseline × this + `slackMs` means the host had a free slot. */
	readonly freeSlotFactor: number;
	/** A first token later than baseline × this + `slackMs` (or none yet by then) means the request queued at the host. */
	readonly queuedFactor: number;
	/** Added to both thresholds, for network and timer jitter on hosts whose first tokens take a few ms. */
	readonly slackMs: number;
	/** Until the first sign of queueing, each free-slot first token lets this - 1 more go, up to this × the most seen served at once. */
	readonly slowStartFactor: number;
	/** The limit is multiplied by this on a "busy" answer (HTTP 503/429), once per round of requests. */
	readonly overloadBackoff: number;
}

/** Default adaptive limit: starts at 4 (the old fixed cap), up to 256, free slot ≤ 1.5× baseline, queued > 3× baseline, ×3 per round in slow start, halves on 503/429. */
export const DefaultAdaptiveConcurrencyOptions = {
	initialLimit: 4,
	maxLimit: 256,
	freeSlotFactor: 1.5,
	queuedFactor: 3,
	slackMs: 30,
	slowStartFactor: 3,
	overloadBackoff: 0.5,
} as const satisfies AdaptiveConcurrencyOptions;

/** What the limit keeps about a request in flight. */
interface Tracked {
	readonly sequence: number;
	/** Its first token came, or it was found queued: it has given its verdict. */
	judged: boolean;
}

// How fast the baseline follows samples: quickly down (a free slot is the truth), slowly up (drift, not queueing).
const baselineDown = 0.5;
const baselineUp = 0.1;
const baselineAlone = 0.5;

/**
 * A host's concurrency limit found from its time to first token, in the spirit of TCP slow start and Netflix's
 * Vegas/Gradient limits but with the signal an LLM server gives early: a first token about as fast as the baseline
 * means a slot was free, so the limit grows at once (until the first sign of queueing by `slowStartFactor - 1` per
 * such token, up to that factor × the most requests seen served at once, which multiplies it every first-token time;
 * by one per round after). A first token much later than the baseline, or none
 * by then, means the request queued at the host, so the limit drops to the in-flight count it was sent beside (that
 * many were more than the host's slots). A busy answer (503/429) halves it. Bounded by 1 and `maxLimit`.
 */
export class AdaptiveConcurrencyLimit implements ConcurrencyLimit {
	public readonly kind = 'adaptive';
	public readonly maxLimit: number;
	private readonly options: AdaptiveConcurrencyOptions;
	private value: number;
	/** Below it the limit doubles from what was fine; at or above, grows by one per round (slow-start threshold). */
	private growthThreshold: number;
	/** Smoothed time to first token when the host had a free slot; undefined until the first sample. */
	private baseline: number | undefined;
	/** The most of our requests the host was seen serving at once (a free-slot first token beside that many). */
	private served = 0;
	private readonly inFlight = new Map<ConcurrencySample, Tracked>();
	private sequence = 0;
	/** Requests started up to this one were in flight at the last overload cut and do not cut again. */
	private lastCutSequence = 0;
	/** When a request of ours last finished its reply on the host (clock ms), freeing a slot a queued request would take. */
	private lastFinishAt = Number.NEGATIVE_INFINITY;

	public constructor(
		private readonly clock: Clock,
		options: Partial<AdaptiveConcurrencyOptions> = {},
	) {
		this.options = { ...DefaultAdaptiveConcurrencyOptions, ...options };
		const { initialLimit, maxLimit, freeSlotFactor, queuedFactor, slackMs, overloadBackoff } = this.options;
		if (!Number.isInteger(maxLimit) || maxLimit < 1)
			throw new RangeError(`AdaptiveConcurrencyLimit maxLimit must be a whole number of at least 1; got ${maxLimit}`);
		if (!Number.isInteger(initialLimit) || initialLimit < 1)
			throw new RangeError(`AdaptiveConcurrencyLimit initialLimit must be a whole number of at least 1; got ${initialLimit}`);
		if (!(freeSlotFactor >= 1)) throw new RangeError(`AdaptiveConcurrencyLimit freeSlotFactor must be at least 1; got ${freeSlotFactor}`);
		if (!(queuedFactor >= freeSlotFactor))
			throw new RangeError(`AdaptiveConcurrencyLimit queuedFactor must be at least freeSlotFactor (${freeSlotFactor}); got ${queuedFactor}`);
		if (!(slackMs >= 0)) throw new RangeError(`AdaptiveConcurrencyLimit slackMs must be 0 or more; got ${slackMs}`);
		if (!(overloadBackoff > 0 && overloadBackoff < 1))
			throw new RangeError(`AdaptiveConcurrencyLimit overloadBackoff must be between 0 and 1; got ${overloadBackoff}`);
		this.maxLimit = maxLimit;
		this.value = Math.min(initialLimit, maxLimit);
		this.growthThreshold = maxLimit;
	}

	public get limit(): number {
		return Math.max(1, Math.floor(this.value));
	}

	public get capacity(): number | undefined {
		// Until queueing or the ceiling shows where the host's slots end, the limit is a probe, not a capacity.
		return this.growthThreshold < this.maxLimit || this.value >= this.maxLimit ? this.limit : undefined;
	}

	/** The time to first token taken as "a slot was free" now; undefined before the first sample. */
	public get baselineMs(): number | undefined {
		return this.baseline;
	}

	public onStart(sample: ConcurrencySample): void {
		this.sequence += 1;
		this.inFlight.set(sample, { sequence: this.sequence, judged: false });
	}

	public onFirstToken(sample: ConcurrencySample, firstTokenMs: number): boolean {
		const tracked = this.inFlight.get(sample);
		const before = this.limit;
		if (tracked && !tracked.judged) {
			tracked.judged = true;
			// A cold load's first token measures the load, not the host's slots.
			if (sample.warm) this.judge(sample, firstTokenMs);
		}
		this.findQueued();
		return this.limit > before;
	}

	public onSuccess(sample: ConcurrencySample): void {
		// Only a finished reply frees a slot a queued request was waiting for; a refused or failed one says nothing of that.
		this.lastFinishAt = this.clock.now();
		this.finish(sample);
	}

	public onOverload(sample: ConcurrencySample): void {
		const tracked = this.inFlight.get(sample);
		// Requests sent before the last cut saw the old limit: one cut per round, as TCP halves once per window.
		if (tracked && tracked.sequence > this.lastCutSequence) {
			this.value = Math.max(1, Math.floor(this.value * this.options.overloadBackoff));
			this.growthThreshold = this.value;
			this.lastCutSequence = this.sequence;
		}
		this.finish(sample);
	}

	public onDropped(sample: ConcurrencySample): void {
		this.finish(sample);
	}

	private finish(sample: ConcurrencySample): void {
		this.inFlight.delete(sample);
		// Checked before the freed slot is given again, so a queue at the host is not fed further.
		this.findQueued();
	}

	private judge(sample: ConcurrencySample, firstTokenMs: number): void {
		const baseline = this.baseline;
		if (baseline === undefined) {
			this.baseline = firstTokenMs;
			this.grow(sample);
			return;
		}
		// Alone on the host, nothing of ours was ahead of it: whatever it took is the baseline now.
		if (sample.inFlightAtStart <= 1) {
			this.baseline = baseline + baselineAlone * (firstTokenMs - baseline);
			if (firstTokenMs <= this.freeSlotMs(baseline)) this.grow(sample);
			return;
		}
		if (firstTokenMs > this.queuedMs(baseline)) {
			if (this.slotFreedSince(sample)) this.queued(sample);
			return;
		}
		if (firstTokenMs <= this.freeSlotMs(baseline)) {
			this.baseline = baseline + (firstTokenMs < baseline ? baselineDown : baselineUp) * (firstTokenMs - baseline);
			this.grow(sample);
		}
	}

	private grow(sample: ConcurrencySample): void {
		this.served = Math.max(this.served, sample.inFlightAtStart);
		// Only while there is demand: an idle host's fast tokens say nothing about more requests (Netflix's app-limited check).
		if (this.inFlight.size < this.value / 2) return;
		// Requests stay in flight after their first token, so each such token lets `factor - 1` more go (a round multiplies the
		// limit), in small steps, and never beyond `factor` × what the host has shown it serves: the probe stays bounded.
		const factor = this.options.slowStartFactor;
		const next =
			this.value < this.growthThreshold
				? Math.max(this.value, Math.min(this.growthThreshold, factor * this.served, this.value + factor - 1))
				: this.value + 1 / this.value;
		this.value = Math.min(this.maxLimit, next);
	}

	private queued(sample: ConcurrencySample): void {
		// It queued beside inFlightAtStart - 1 others of ours: those were at least the host's free slots.
		this.value = Math.max(1, Math.min(this.value, sample.inFlightAtStart - 1));
		this.growthThreshold = this.value;
	}

	/** Requests still waiting for a first token past the queued threshold queued at the host. */
	private findQueued(): void {
		if (this.baseline === undefined) return;
		const overdueBefore = this.clock.now() - this.queuedMs(this.baseline);
		for (const [sample, tracked] of this.inFlight) {
			if (tracked.judged || !sample.warm || sample.inFlightAtStart <= 1 || sample.startedAt >= overdueBefore || !this.slotFreedSince(sample)) continue;
			tracked.judged = true;
			this.queued(sample);
		}
	}

	/**
	 * A request queued at the host gets its first token only after one ahead of it ends; a late first token with no
	 * request ended meanwhile is our own process or the network being slow, not queueing, and must not cut the limit.
	 */
	private slotFreedSince(sample: ConcurrencySample): boolean {
		return this.lastFinishAt > sample.startedAt;
	}

	private freeSlotMs(baseline: number): number {
		return baseline * this.options.freeSlotFactor + this.options.slackMs;
	}

	private queuedMs(baseline: number): number {
		return baseline * this.options.queuedFactor + this.options.slackMs;
	}
}
