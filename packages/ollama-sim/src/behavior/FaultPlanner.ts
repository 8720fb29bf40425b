import type { SimBehavior, SimFault } from './SimBehavior.js';

/**
 * Decides which eligible requests get the current fault. A rate r hits request n (counting from 1 since
 * the behaviour last changed) when floor(n·r) grows, so 0.5 hits every second request and 1 hits all:
 * deterministic, so tests can count on it.
 */
export class FaultPlanner {
	private eligibleSeen = 0;

	/** Starts counting afresh, e.g. after a behaviour change. */
	public reset(): void {
		this.eligibleSeen = 0;
	}

	/** The fault for the next eligible request, or `none`. */
	public next(behavior: Pick<SimBehavior, 'fault' | 'faultRate'>): SimFault {
		if (behavior.fault === 'none' || behavior.fault === 'refuse') return 'none';
		this.eligibleSeen += 1;
		const n = this.eligibleSeen;
		// A small epsilon keeps rates like 0.1 from missing a hit to float rounding (10 × 0.1 = 0.9999…).
		const hit = Math.floor(n * behavior.faultRate + 1e-9) > Math.floor((n - 1) * behavior.faultRate + 1e-9);
		return hit ? behavior.fault : 'none';
	}
}
