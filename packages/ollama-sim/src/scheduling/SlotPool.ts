interface Waiter {
	readonly resolve: () => void;
	readonly reject: (reason: unknown) => void;
}

/** A first-in-first-out semaphore: `size` holders at once, the rest wait in arrival order and may give up. */
export class SlotPool {
	private holders = 0;
	// A Set keeps insertion order and deletes in O(1), so thousands of waiters can abort cheaply.
	private readonly waiters = new Set<Waiter>();

	public constructor(public readonly size: number) {
		if (!Number.isInteger(size) || size < 1) throw new RangeError(`SlotPool size must be a whole number of at least 1; got ${size}`);
	}

	/** Requests holding a slot now. */
	public get active(): number {
		return this.holders;
	}

	/** Requests waiting for a slot now. */
	public get waiting(): number {
		return this.waiters.size;
	}

	/** Resolves once a slot is yours; rejects with the signal's reason if it aborts first. */
	public acquire(signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) return Promise.reject(signal.reason);
		if (this.holders < this.size && this.waiters.size === 0) {
			this.holders += 1;
			return Promise.resolve();
		}
		return new Promise((resolve, reject) => {
			const onAbort = () => {
				this.waiters.delete(waiter);
				reject(signal?.reason);
			};
			const waiter: Waiter = {
				resolve: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				},
				reject,
			};
			this.waiters.add(waiter);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	/** Gives a slot back; the longest waiter gets it. */
	public release(): void {
		const next = this.waiters.values().next();
		if (!next.done) {
			this.waiters.delete(next.value);
			next.value.resolve();
			return;
		}
		this.holders = Math.max(0, this.holders - 1);
	}
}
