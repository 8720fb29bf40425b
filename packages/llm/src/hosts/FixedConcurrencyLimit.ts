import type { ConcurrencyLimit } from './ConcurrencyLimit.js';

/** Today's behaviour when `MAX_CONCURRENT_REQUESTS` is set: the same cap whatever the host does. */
export class FixedConcurrencyLimit implements ConcurrencyLimit {
	public readonly kind = 'fixed';

	public constructor(public readonly limit: number) {
		if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`FixedConcurrencyLimit limit must be a whole number of at least 1; got ${limit}`);
	}

	public get capacity(): number {
		return this.limit;
	}

	public get maxLimit(): number {
		return this.limit;
	}

	public onStart(): void {}

	public onFirstToken(): boolean {
		return false;
	}

	public onSuccess(): void {}

	public onOverload(): void {}

	public onDropped(): void {}
}
