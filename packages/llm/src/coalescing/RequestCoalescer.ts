import { randomUUID } from 'node:crypto';
import type { Keyspace, Logger, RedisClient } from '@charbot/core';
import { cacheShardOf } from '../cache/cacheShards.js';
import type { LockHandover } from '../cache/ResponseCache.js';
import { LlmError } from '../errors/LlmError.js';

/** Options of {@link RequestCoalescer}. */
export interface RequestCoalescerOptions {
	/** Shared Redis for coalescing across processes; in-process only when absent. */
	readonly redis?: RedisClient;
	/** Builds the lock and hand-over keys. */
	readonly keys: Keyspace;
	/**
	 * How many shards the lock and hand-over keys spread over (default 1): the response cache's, so a lock shares its
	 * cache entry's shard and Redis Cluster slot when one script takes both.
	 */
	readonly shards?: number;
	readonly logger?: Logger;
	/** How long a finished result stays available to late waiters. */
	readonly resultTtlMs?: number;
	/** Life of the lock without its owner's heartbeat: a dead owner's waiters take over after this. */
	readonly lockTtlMs?: number;
}

/** Work shared by identical requests in this process. */
interface Flight<T = unknown> {
	readonly controller: AbortController;
	readonly result: Promise<Coalesced<T>>;
	waiters: number;
}

/** The outcome of {@link RequestCoalescer.run}. */
export interface Coalesced<T> {
	readonly value: T;
	/** True when another request (here or in another process) did the work. */
	readonly coalesced: boolean;
	/** Set when the companion's lookup found the value (a cache hit), so nothing was produced. */
	readonly found?: true;
}

/** A held cross-process lock, as a {@link LockCompanion} takes and releases it. */
export interface HeldLock {
	readonly key: string;
	readonly token: string;
	readonly ttlMs: number;
}

/**
 * What shares the lock's round trips on the coalescing Redis (the response cache): a lookup that takes the lock on a
 * miss, and a store that writes the hand-over and releases the lock. Errors of `lookupOrLock` mean "no coalescing".
 */
export interface LockCompanion<T> {
	/** The value found, or whether the lock was taken (`SET lock.key lock.token NX PX lock.ttlMs`). */
	lookupOrLock(lock: HeldLock): Promise<{ readonly found: T } | { readonly locked: boolean }>;
	/** Writes `handover` (`SET key value PX ttlMs`) and releases the lock if it is still ours, with whatever it stores of `value`. */
	storeAndRelease(value: T, lock: HeldLock, handover: LockHandover): Promise<void>;
}

const releaseScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const extendScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

/**
 * Makes identical concurrent requests share one upstream call: in one process through a map of
 * promises, across processes through a Redis lock whose owner hands the result over in a key.
 * The owner keeps its lock alive with a heartbeat, so a dead owner's lock expires within seconds and a
 * waiter takes over; a Redis fault degrades to in-process only.
 */
export class RequestCoalescer {
	private readonly inProcess = new Map<string, Flight>();
	private readonly resultTtlMs: number;
	private readonly lockTtlMs: number;

	public constructor(private readonly options: RequestCoalescerOptions) {
		this.resultTtlMs = options.resultTtlMs ?? 30_000;
		this.lockTtlMs = options.lockTtlMs ?? 5000;
	}

	/**
	 * Runs `produce` once for all concurrent callers with the same key. A caller whose own `signal` aborts
	 * leaves alone; the shared work (and its upstream request) is cancelled only when every caller has left. With a
	 * `companion` (and a Redis), the lock is taken by its lookup and released by its store: a value it finds is returned
	 * as `found`, and nothing is produced.
	 */
	public async run<T>(
		key: string,
		deadline: number,
		produce: (signal: AbortSignal) => Promise<T>,
		signal?: AbortSignal,
		companion?: LockCompanion<T>,
	): Promise<Coalesced<T>> {
		if (signal?.aborted) throw abortedError();
		let flight = this.inProcess.get(key) as Flight<T> | undefined;
		const joined = flight !== undefined;
		if (!flight) {
			const controller = new AbortController();
			const created: Flight<T> = {
				controller,
				waiters: 0,
				result: this.runAcrossProcesses(key, deadline, () => produce(controller.signal), controller.signal, companion),
			};
			flight = created;
			this.inProcess.set(key, created);
			created.result.then(
				() => this.inProcess.delete(key),
				() => this.inProcess.delete(key),
			);
		}
		flight.waiters += 1;
		try {
			const result = await untilAborted(flight.result, signal);
			if (!joined) return result;
			// A found value was nobody's work: joiners found it too.
			return result.found === true ? result : { value: result.value, coalesced: true };
		} finally {
			flight.waiters -= 1;
			if (flight.waiters === 0 && signal?.aborted) flight.controller.abort();
		}
	}

	private async runAcrossProcesses<T>(
		key: string,
		deadline: number,
		produce: () => Promise<T>,
		signal?: AbortSignal,
		companion?: LockCompanion<T>,
	): Promise<Coalesced<T>> {
		const { redis } = this.options;
		if (!redis) return { value: await produce(), coalesced: false };
		const shard = cacheShardOf(key, this.options.shards ?? 1);
		const lock: HeldLock = { key: this.options.keys.llmInflight(key, shard), token: randomUUID(), ttlMs: this.lockTtlMs };
		const resultKey = this.options.keys.llmInflightResult(key, shard);
		let pollMs = 10;
		for (;;) {
			let acquired: boolean;
			try {
				if (companion === undefined) acquired = (await redis.set(lock.key, lock.token, 'PX', lock.ttlMs, 'NX')) === 'OK';
				else {
					const claim = await companion.lookupOrLock(lock);
					if ('found' in claim) return { value: claim.found, coalesced: false, found: true };
					acquired = claim.locked;
				}
			} catch (error) {
				this.options.logger?.warn({ err: error }, 'coalescing lock unavailable; generating without cross-process coalescing');
				return { value: await produce(), coalesced: false };
			}
			if (acquired) return { value: await this.produceAndHandOver(produce, lock, resultKey, companion), coalesced: false };

			// Another process is generating: wait for its result, or for its lock to vanish (it failed or died).
			while (Date.now() < deadline && !signal?.aborted) {
				await new Promise((resolve) => setTimeout(resolve, pollMs));
				pollMs = Math.min(pollMs * 2, 100);
				const [result, lockHolder] = await Promise.all([redis.get(resultKey), redis.get(lock.key)]).catch(() => [null, null] as const);
				if (result !== null) return { value: JSON.parse(result) as T, coalesced: true };
				if (lockHolder === null) break;
			}
			if (signal?.aborted || Date.now() >= deadline) return { value: await produce(), coalesced: false };
		}
	}

	private async produceAndHandOver<T>(produce: () => Promise<T>, lock: HeldLock, resultKey: string, companion?: LockCompanion<T>): Promise<T> {
		const { redis } = this.options;
		const heartbeat = setInterval(() => {
			redis?.eval(extendScript, 1, lock.key, lock.token, String(this.lockTtlMs)).catch((error: unknown) => {
				this.options.logger?.warn({ err: error }, 'could not extend a coalescing lock');
			});
		}, this.lockTtlMs / 3);
		let released = false;
		try {
			const value = await produce();
			clearInterval(heartbeat);
			const handover = { key: resultKey, value: JSON.stringify(value), ttlMs: this.resultTtlMs };
			if (companion !== undefined) {
				// The store, the hand-over and the release in one round trip; a failure leaves the lock to expire by itself.
				released = true;
				await companion.storeAndRelease(value, lock, handover).catch((error: unknown) => {
					this.options.logger?.warn({ err: error }, 'could not hand a coalesced result over; its lock expires by itself');
				});
			} else {
				await redis?.set(handover.key, handover.value, 'PX', handover.ttlMs).catch((error: unknown) => {
					this.options.logger?.warn({ err: error }, 'could not hand a coalesced result over');
				});
			}
			return value;
		} finally {
			clearInterval(heartbeat);
			if (!released) {
				await redis?.eval(releaseScript, 1, lock.key, lock.token).catch((error: unknown) => {
					this.options.logger?.warn({ err: error }, 'could not release a coalescing lock; it expires by itself');
				});
			}
		}
	}
}

function abortedError(): LlmError {
	return new LlmError('aborted', 'request cancelled by its caller', false);
}

/** Settles with `work`, or rejects as soon as `signal` aborts (the work itself goes on for others). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return work;
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(abortedError());
		signal.addEventListener('abort', onAbort, { once: true });
		work.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});
}
