import { isSpreadHit } from '../behavior/isSpreadHit.js';
import type { SimBehavior } from '../behavior/SimBehavior.js';
import type { SloppyKind } from './sloppyKinds.js';

/**
 * Decides which eligible replies are made sloppy and with which kind: the share is spread like faults
 * (0.25 makes every 4th eligible reply sloppy), and the kinds take turns in the order given.
 */
export class SloppyPlanner {
	private eligibleSeen = 0;
	private planned = 0;

	/** Starts counting afresh, e.g. after the share or the kinds changed. */
	public reset(): void {
		this.eligibleSeen = 0;
		this.planned = 0;
	}

	/** The failure for the next eligible reply, or undefined for a clean one. */
	public next(behavior: Required<Pick<SimBehavior, 'sloppy' | 'sloppyKinds'>>): SloppyKind | undefined {
		if (behavior.sloppy <= 0 || behavior.sloppyKinds.length === 0) return undefined;
		this.eligibleSeen += 1;
		if (!isSpreadHit(this.eligibleSeen, behavior.sloppy)) return undefined;
		const kind = behavior.sloppyKinds[this.planned % behavior.sloppyKinds.length];
		this.planned += 1;
		return kind;
	}
}
