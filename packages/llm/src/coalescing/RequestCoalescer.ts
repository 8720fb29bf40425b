import { randomUUID } from 'node:crypto';
import type { Logger } from '@charbot/core';
import type { Redis } from 'ioredis';

/** Options of {@link RequestCoalescer}. */
export interface RequestCoalescerOptions {
	/** Shared Redis for coalescing across processes; in-process only when absent. */
	readonly redis?: Redis;
	readonly prefix: string;
	readonly logger?: Logger;
	/** How long a finished result stays available to late waiters. */
	readonly resultTtlMs?: number;
}

/** The outcome of {@link RequestCoalescer.run}. */
export interface Coalesced<T> {
	readonly value: T;
	/** True when another request (here or in another process) did the work. */
	readonly coalesced: boolean;
}

const releaseScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Makes identical concurrent requests share one upstream call: in one process through a map of
 * promises, across processes through a Redis lock whose owner hands the result over in a key.
 * A dead owner's lock expires, and a waiter then takes over; a Redis fault degrades to in-process only.
 */
export class RequestCoalescer {
	private readonly inProcess = new Map<string, Promise<unknown>>();
	private readonly resultTtlMs: number;

	public constructor(private readonly options: RequestCoalescerOptions) {
		this.resultTtlMs = options.resultTtlMs ?? 30_000;
	}

	/** Runs `produce` once for all concurrent callers with the same key. */
	public async run<T>(key: string, deadline: number, produce: () => Promise<T>, signal?: AbortSignal): Promise<Coalesced<T>> {
		const pending = this.inProcess.get(key) as Promise<T> | undefined;
		if (pending) return { value: await pending, coalesced: true };
		let shared = false;
		const work = this.runAcrossProcesses(key, deadline, produce, signal).then((result) => {
			shared = result.coalesced;
			return result.value;
		});
		this.inProcess.set(key, work);
		try {
			const value = await work;
			return { value, coalesced: shared };
		} finally {
			this.inProcess.delete(key);
		}
	}

	private async runAcrossProcesses<T>(key: string, deadline: number, produce: () => Promise<T>, signal?: AbortSignal): Promise<Coalesced<T>> {
		const { redis } = this.options;
		if (!redis) return { value: await produce(), coalesced: false };
		const lockKey = `${this.options.prefix}:llm_inflight:${key}`;
		const resultKey = `${this.options.prefix}:llm_inflight_result:${key}`;
		const token = randomUUID();
		let pollMs = 10;
		for (;;) {
			let acquired: boolean;
			try {
				const ttl = Math.max(1000, deadline - Date.now());
				acquired = (await redis.set(lockKey, token, 'PX', ttl, 'NX')) === 'OK';
			} catch (error) {
				this.options.logger?.warn({ err: error }, 'coalescing lock unavailable; generating without cross-process coalescing');
				return { value: await produce(), coalesced: false };
			}
			if (acquired) return { value: await this.produceAndHandOver(produce, lockKey, resultKey, token), coalesced: false };

			// Another process is generating: wait for its result, or for its lock to vanish (it failed or died).
			while (Date.now() < deadline && !signal?.aborted) {
				await new Promise((resolve) => setTimeout(resolve, pollMs));
				pollMs = Math.min(pollMs * 2, 100);
				const [result, lockHolder] = await Promise.all([redis.get(resultKey), redis.get(lockKey)]).catch(() => [null, null] as const);
				if (result !== null) return { value: JSON.parse(result) as T, coalesced: true };
				if (lockHolder === null) break;
			}
			if (signal?.aborted || Date.now() >= deadline) return { value: await produce(), coalesced: false };
		}
	}

	private async produceAndHandOver<T>(produce: () => Promise<T>, lockKey: string, resultKey: string, token: string): Promise<T> {
		const { redis } = this.options;
		try {
			const value = await produce();
			await redis?.set(resultKey, JSON.stringify(value), 'PX', this.resultTtlMs).catch((error: unknown) => {
				this.options.logger?.warn({ err: error }, 'could not hand a coalesced result over');
			});
			return value;
		} finally {
			await redis?.eval(releaseScript, 1, lockKey, token).catch((error: unknown) => {
				this.options.logger?.warn({ err: error }, 'could not release a coalescing lock; it expires by itself');
			});
		}
	}
}
