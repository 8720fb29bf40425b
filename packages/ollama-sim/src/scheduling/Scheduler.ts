import type { StatsRecorder } from '../stats/StatsRecorder.js';
import type { ModelRuntime } from './ModelRuntime.js';
import { QueueFullError } from './QueueFullError.js';

/** A request's hold on a model (and, for inference, on one of its slots). */
export interface Lease {
	/** Milliseconds from arrival until the model was ready (Ollama's `load_duration`: includes waiting for a load). */
	readonly loadDurationMs: number;
	/** Gives the slot and the hold back; calling it again does nothing. */
	release(): void;
}

/** Options of {@link Scheduler.acquire}. */
export interface AcquireOptions {
	readonly loadMs: number;
	readonly keepAliveMs: number;
	/** Also wait for a parallel slot (inference); false for a bare load request. */
	readonly slot: boolean;
	readonly signal?: AbortSignal;
}

/** Admits requests: at most `maxQueue` wait for loads and slots at once; beyond that, {@link QueueFullError} (Ollama's 503, `/v1`'s 429). */
export class Scheduler {
	private waiting = 0;
	private readonly waitingByRuntime = new Map<ModelRuntime, number>();

	public constructor(
		private readonly maxQueue: number,
		private readonly stats: StatsRecorder,
		private readonly now: () => number = Date.now,
	) {}

	/** Requests waiting for a load or a slot now. */
	public get queued(): number {
		return this.waiting;
	}

	/** Requests waiting for a load of, or a slot on, one model now. */
	public queuedFor(runtime: ModelRuntime): number {
		return this.waitingByRuntime.get(runtime) ?? 0;
	}

	/** Waits for the model (and a slot); throws {@link QueueFullError} at once when the queue is full. */
	public async acquire(runtime: ModelRuntime, options: AcquireOptions): Promise<Lease> {
		if (this.waiting >= this.maxQueue) throw new QueueFullError(this.maxQueue);
		const started = performance.now();
		this.enqueue(runtime, 1);
		let held = false;
		try {
			await runtime.hold(options.loadMs, options.keepAliveMs, this.now, options.signal);
			held = true;
			const loadDurationMs = performance.now() - started;
			if (options.slot) await runtime.slots.acquire(options.signal);
			this.enqueue(runtime, -1);
			if (options.slot) this.stats.active(1);
			let released = false;
			return {
				loadDurationMs,
				release: () => {
					if (released) return;
					released = true;
					if (options.slot) {
						runtime.slots.release();
						this.stats.active(-1);
					}
					runtime.release(this.now());
				},
			};
		} catch (error) {
			this.enqueue(runtime, -1);
			if (held) runtime.release(this.now());
			throw error;
		}
	}

	private enqueue(runtime: ModelRuntime, delta: 1 | -1): void {
		this.waiting += delta;
		const forRuntime = (this.waitingByRuntime.get(runtime) ?? 0) + delta;
		if (forRuntime === 0) this.waitingByRuntime.delete(runtime);
		else this.waitingByRuntime.set(runtime, forRuntime);
		this.stats.queued(delta);
	}
}
