import type { ServerResponse } from 'node:http';

/** Counts requests whose answer is not finished, so closing knows when only idle connections are left. */
export class OpenRequests {
	private count = 0;
	private waiters: (() => void)[] = [];

	/** Counts a request until its response closes (finished or abandoned). */
	public track(response: ServerResponse): void {
		this.count += 1;
		response.once('close', () => {
			this.count -= 1;
			if (this.count === 0) for (const resolve of this.waiters.splice(0)) resolve();
		});
	}

	/** Requests being answered now. */
	public get size(): number {
		return this.count;
	}

	/** Resolves once no request is open. */
	public idle(): Promise<void> {
		return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
	}
}
