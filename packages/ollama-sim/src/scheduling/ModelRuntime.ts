import type { SimModel } from '../models/SimModel.js';
import { SlotPool } from './SlotPool.js';

/** Whether a model is in (simulated) VRAM. */
export type ModelState = 'unloaded' | 'loading' | 'loaded';

/** What a runtime reports to the simulator's statistics. */
export interface ModelRuntimeEvents {
	onLoaded(model: string): void;
	onUnloaded(model: string): void;
}

/**
 * The load state, keep-alive clock and parallel slots of one model, like an Ollama runner. Expiry is
 * evaluated lazily (on every use and every `/api/ps`), so no timers outlive the simulator.
 */
export class ModelRuntime {
	public state: ModelState = 'unloaded';
	/** Requests that hold the runner (waiting for a slot or generating); it cannot expire while > 0. */
	public users = 0;
	/** Epoch milliseconds after which an idle runner unloads. */
	public expiresAt = 0;
	public keepAliveMs: number;
	public readonly slots: SlotPool;
	private loading: Promise<void> | undefined;
	private loadTimer: NodeJS.Timeout | undefined;

	public constructor(
		public readonly model: SimModel,
		numParallel: number,
		keepAliveMs: number,
		private readonly events: ModelRuntimeEvents,
	) {
		this.slots = new SlotPool(numParallel);
		this.keepAliveMs = keepAliveMs;
	}

	/** Starts warm, as if loaded by an earlier request (the `preloaded` option). */
	public markLoaded(now: number): void {
		this.state = 'loaded';
		this.expiresAt = now + this.keepAliveMs;
		this.events.onLoaded(this.model.name);
	}

	/** Unloads an idle runner whose keep-alive has run out. */
	public refresh(now: number): void {
		if (this.state === 'loaded' && this.users === 0 && now >= this.expiresAt) this.setUnloaded();
	}

	/**
	 * Waits until the model is loaded (starting a cold load of `loadMs` if needed) and takes a hold on it,
	 * setting its keep-alive, as each Ollama request does. Rejects if `signal` aborts while waiting.
	 */
	public async hold(loadMs: number, keepAliveMs: number, now: () => number, signal?: AbortSignal): Promise<void> {
		this.refresh(now());
		// Waiters resume in the microtasks right after the load completes, before any other request can
		// expire it; the loop only matters if an unload slipped in anyway.
		while (this.state !== 'loaded') {
			this.keepAliveMs = keepAliveMs;
			this.loading ??= this.startLoad(loadMs, now);
			await raceAbort(this.loading, signal);
		}
		this.users += 1;
		this.keepAliveMs = keepAliveMs;
	}

	/** Drops a hold; the keep-alive clock starts when the last one goes. */
	public release(now: number): void {
		this.users = Math.max(0, this.users - 1);
		if (this.users === 0) this.expiresAt = now + this.keepAliveMs;
		this.refresh(now);
	}

	/** `keep_alive: 0`: unload now if idle, else as soon as the last request finishes. */
	public unload(now: number): void {
		this.keepAliveMs = 0;
		this.expiresAt = now;
		this.refresh(now);
	}

	/** When `/api/ps` says it expires: busy runners count from now, like Ollama. */
	public expiresAtFor(now: number): number {
		return this.users > 0 ? now + this.keepAliveMs : this.expiresAt;
	}

	/** Stops a load in progress (when the simulator closes). */
	public dispose(): void {
		clearTimeout(this.loadTimer);
		this.loading = undefined;
	}

	private startLoad(loadMs: number, now: () => number): Promise<void> {
		this.state = 'loading';
		return new Promise<void>((resolve) => {
			this.loadTimer = setTimeout(() => {
				this.loading = undefined;
				this.markLoaded(now());
				resolve();
			}, loadMs);
		});
	}

	private setUnloaded(): void {
		this.state = 'unloaded';
		this.events.onUnloaded(this.model.name);
	}
}

function raceAbort(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
	if (!signal) return promise;
	if (signal.aborted) return Promise.reject(signal.reason);
	return new Promise((resolve, reject) => {
		const onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(
			() => {
				signal.removeEventListener('abort', onAbort);
				resolve();
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});
}
