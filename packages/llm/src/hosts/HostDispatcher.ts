import type { BalancingStrategy } from '../balancing/BalancingStrategy.js';
import { LlmError, ModelNotFoundError } from '../errors/LlmError.js';
import type { Clock } from '@charbot/core';
import type { ConcurrencySample } from './ConcurrencyLimit.js';
import type { HostState } from './HostState.js';

/** A slot taken on a host. */
export interface HostLease {
	readonly host: HostState;
	/** Whether the model was loaded when the slot was taken (decides the first-token timeout). */
	readonly warm: boolean;
	/** Give it back to `host.concurrency` with the outcome (first token, success, overload, dropped). */
	readonly sample: ConcurrencySample;
}

/** A request waiting for a host. */
interface Waiter {
	readonly model: string;
	readonly hosts: readonly HostState[];
	readonly exclude: ReadonlySet<string>;
	/** Lower is placed first; equal ones in arrival order. */
	readonly priority: number;
	/** Set when the strategy chose a host that was busy and wants the request to queue there. */
	pinned?: HostState;
	retryAt?: number;
	resolve(lease: HostLease): void;
	reject(error: Error): void;
}

/**
 * Hands hosts to requests: asks the strategy, takes a slot, and queues the request in the client (lowest priority
 * number first, then first come, first served) when every usable host is busy or cooling, instead of overloading a host.
 */
export class HostDispatcher {
	private readonly waiters: Waiter[] = [];
	private wakeTimer: NodeJS.Timeout | undefined;
	private pumpScheduled = false;

	public constructor(
		private readonly strategy: BalancingStrategy,
		private readonly clock: Clock,
	) {}

	/** Requests waiting for a slot now. */
	public get backlog(): number {
		return this.waiters.length;
	}

	/** Takes a slot on a host for `model`, waiting until `deadline` behind requests of a lower `priority` number; rejects when no host has the model. */
	public acquire(
		model: string,
		hosts: readonly HostState[],
		exclude: ReadonlySet<string>,
		deadline: number,
		signal?: AbortSignal,
		priority = 0,
	): Promise<HostLease> {
		return new Promise((resolve, reject) => {
			let settled = false;
			const finish = (outcome: () => void) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				signal?.removeEventListener('abort', onAbort);
				const index = this.waiters.indexOf(waiter);
				if (index >= 0) this.waiters.splice(index, 1);
				outcome();
			};
			const waiter: Waiter = {
				model,
				hosts,
				exclude,
				priority,
				resolve: (lease) => finish(() => resolve(lease)),
				reject: (error) => finish(() => reject(error)),
			};
			const onAbort = () => waiter.reject(new LlmError('aborted', 'request cancelled by its caller', false));
			const timer = setTimeout(
				() => {
					const cooling = waiter.retryAt !== undefined;
					waiter.reject(
						cooling
							? new LlmError('no-host-available', `every host for "${model}" is down or cooling down; none recovered before the deadline`, true)
							: new LlmError('deadline-exceeded', `no host slot for "${model}" freed before the deadline`, true),
					);
				},
				Math.max(0, deadline - this.clock.now()),
			);
			if (signal?.aborted) return onAbort();
			signal?.addEventListener('abort', onAbort, { once: true });
			// Kept in order: after every waiter of the same or a lower number, so pump() places them as they stand.
			const after = this.waiters.findIndex((other) => other.priority > priority);
			if (after < 0) this.waiters.push(waiter);
			else this.waiters.splice(after, 0, waiter);
			this.pump();
		});
	}

	/** Gives a slot back and lets waiting requests take it. */
	public release(host: HostState): void {
		host.release();
		this.pump();
	}

	/**
	 * Re-runs placement as soon as the I/O callbacks being handled now are done, for a host's raised limit: several
	 * hosts' first tokens often arrive together, and weighing all their new room at once spreads the waiting requests
	 * instead of the first host taking them all.
	 */
	public pumpSoon(): void {
		if (this.pumpScheduled) return;
		this.pumpScheduled = true;
		setImmediate(() => {
			this.pumpScheduled = false;
			this.pump();
		});
	}

	/** Re-runs placement for every waiting request in order (priority, then age); call when capacity or health changes. */
	public pump(): void {
		let earliestRetry = Number.POSITIVE_INFINITY;
		for (const waiter of [...this.waiters]) {
			try {
				const lease = this.tryPlace(waiter);
				if (lease) waiter.resolve(lease);
				else if (waiter.retryAt !== undefined) earliestRetry = Math.min(earliestRetry, waiter.retryAt);
			} catch (error) {
				waiter.reject(error as Error);
			}
		}
		this.scheduleWake(earliestRetry);
	}

	private tryPlace(waiter: Waiter): HostLease | undefined {
		if (waiter.pinned) return waiter.pinned.hasCapacity() ? take(waiter.pinned, waiter.model) : undefined;
		const selection = this.strategy.select(waiter.hosts, { model: waiter.model, exclude: waiter.exclude, backlog: this.waiters.length - 1 });
		delete waiter.retryAt;
		switch (selection.kind) {
			case 'host': {
				const host = selection.host as HostState;
				if (host.hasCapacity()) return take(host, waiter.model);
				if (selection.queueAtHost) waiter.pinned = host;
				return undefined;
			}
			case 'wait':
				return undefined;
			case 'cooling':
				waiter.retryAt = selection.retryAt;
				return undefined;
			case 'unavailable':
				throw new ModelNotFoundError(
					waiter.model,
					waiter.hosts.map((host) => host.url),
				);
		}
	}

	private scheduleWake(at: number): void {
		clearTimeout(this.wakeTimer);
		if (!Number.isFinite(at)) return;
		// A cooling host becomes probe-able at `at`; nothing else would wake the queue then.
		this.wakeTimer = setTimeout(() => this.pump(), Math.max(10, at - this.clock.now()));
		this.wakeTimer.unref();
	}

	/** Rejects every waiting request (on close). */
	public rejectAll(error: Error): void {
		for (const waiter of [...this.waiters]) waiter.reject(error);
		clearTimeout(this.wakeTimer);
	}
}

function take(host: HostState, model: string): HostLease {
	const sample = host.acquire(model);
	return { host, warm: sample.warm, sample };
}
