import { isSpreadHit } from './isSpreadHit.js';
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
		return isSpreadHit(this.eligibleSeen, behavior.faultRate) ? behavior.fault : 'none';
	}
}
