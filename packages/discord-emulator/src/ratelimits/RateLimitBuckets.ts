import { createHash } from 'node:crypto';

/** A bucket's size: `limit` requests per `windowMs`. */
export interface BucketLimit {
	readonly limit: number;
	readonly windowMs: number;
}

/** The state after counting one request, i.e. what the X-RateLimit-* headers say. */
export interface BucketState {
	readonly bucket: string;
	readonly limit: number;
	readonly remaining: number;
	/** Unix milliseconds when the window resets. */
	readonly resetAt: number;
	/** The request went over the limit and must be answered with a 429. */
	readonly exceeded: boolean;
}

/** Fixed-window counters per route and major parameter, like Discord's per-route buckets. */
export class RateLimitBuckets {
	readonly #windows = new Map<string, { count: number; resetAt: number }>();
	readonly #hashes = new Map<string, string>();
	readonly #limitFor: (label: string) => BucketLimit;

	public constructor(limitFor: (label: string) => BucketLimit) {
		this.#limitFor = limitFor;
	}

	/** Counts one request of `label` (e.g. `POST /channels/:channelId/messages`) for one major parameter value. */
	public take(label: string, major: string, now = Date.now()): BucketState {
		const { limit, windowMs } = this.#limitFor(label);
		const bucket = this.hashOf(label);
		const key = `${bucket}:${major}`;
		let window = this.#windows.get(key);
		if (!window || now >= window.resetAt) {
			window = { count: 0, resetAt: now + windowMs };
			this.#windows.set(key, window);
			if (this.#windows.size > 50_000) this.#sweep(now);
		}
		window.count += 1;
		return { bucket, limit, remaining: Math.max(0, limit - window.count), resetAt: window.resetAt, exceeded: window.count > limit };
	}

	/** The `X-RateLimit-Bucket` hash of a route. */
	public hashOf(label: string): string {
		let hash = this.#hashes.get(label);
		if (!hash) {
			hash = createHash('sha1').update(label).digest('hex').slice(0, 32);
			this.#hashes.set(label, hash);
		}
		return hash;
	}

	#sweep(now: number): void {
		for (const [key, window] of this.#windows) if (now >= window.resetAt) this.#windows.delete(key);
	}
}
