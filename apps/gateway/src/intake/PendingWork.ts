/** Promises still running (message handlers, typing, notes), so shutdown can wait for them. */
export class PendingWork {
	readonly #pending = new Set<Promise<unknown>>();

	/** Tracks `work` until it settles; its rejection must be handled by the caller. */
	public track<T>(work: Promise<T>): Promise<T> {
		this.#pending.add(work);
		const forget = () => this.#pending.delete(work);
		work.then(forget, forget);
		return work;
	}

	public get size(): number {
		return this.#pending.size;
	}

	/** Resolves once nothing tracked is running any more, including work started by work that settled meanwhile. */
	public async idle(): Promise<void> {
		while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
	}

	/** Resolves once everything tracked so far (and anything it started) settled, or after `timeoutMs`; true when all settled. */
	public async drain(timeoutMs: number): Promise<boolean> {
		const deadline = Date.now() + timeoutMs;
		while (this.#pending.size > 0) {
			const left = deadline - Date.now();
			if (left <= 0) return false;
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<void>((resolve) => {
				timer = setTimeout(resolve, left);
			});
			await Promise.race([Promise.allSettled([...this.#pending]), timeout]);
			clearTimeout(timer);
		}
		return true;
	}
}
