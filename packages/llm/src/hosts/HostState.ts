import type { HostSettings } from '../settings/llmSettings.js';
import { AdaptiveConcurrencyLimit, DefaultAdaptiveConcurrencyOptions } from './AdaptiveConcurrencyLimit.js';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitState, DefaultCircuitBreakerOptions } from './CircuitBreaker.js';
import type { ConcurrencyLimit, ConcurrencySample } from './ConcurrencyLimit.js';
import { FixedConcurrencyLimit } from './FixedConcurrencyLimit.js';
import type { Clock } from '@charbot/core';

/** A model a host has, as `/api/tags` lists it. */
export interface HostModel {
	readonly name: string;
	readonly digest: string;
	readonly sizeBytes: number;
}

/** What the balancer may read about a host. */
export interface HostView {
	readonly url: string;
	readonly weight: number;
	readonly labels: readonly string[];
	/** Requests this process may have in flight on the host now (the fixed cap, or the adaptive limit as it stands). */
	readonly maxParallel: number;
	/** Requests at once the host is known to serve, to weigh load by (the fixed cap, or the adaptive limit once found); undefined while probing. */
	readonly capacity: number | undefined;
	readonly inFlight: number;
	/** Smoothed milliseconds per generated token (EWMA); undefined until the first response. */
	readonly msPerToken: number | undefined;
	readonly alive: boolean;
	readonly circuit: CircuitState;
	/** When a cooling or dead host may be tried again (ms since epoch). */
	readonly retryAt: number;
	/** Whether the host has the model at all (unknown before the first health check counts as yes). */
	hasModel(model: string): boolean;
	/** Whether the model is loaded in memory, so a request avoids a cold load. */
	isWarm(model: string): boolean;
	hasCapacity(): boolean;
	canPass(): boolean;
}

const latencySmoothing = 0.3;

/** The live state of one Ollama host: load, latency, health and models. */
export class HostState implements HostView {
	public readonly url: string;
	public readonly weight: number;
	public readonly labels: readonly string[];
	/** How many requests may be in flight: fixed, or found from the host's latency. */
	public readonly concurrency: ConcurrencyLimit;
	public inFlight = 0;
	public msPerToken: number | undefined;
	/** Answered `/api/version` on the last check (optimistic until checked). */
	public alive = true;
	public lastCheckError: string | undefined;
	/** Undefined until the first successful `/api/tags`. */
	public models: Map<string, HostModel> | undefined;
	public loaded = new Set<string>();
	/** Models this host answered 404 for since the last health check. */
	public readonly missing = new Set<string>();
	public served = 0;
	public failed = 0;
	public readonly breaker: CircuitBreaker;

	/**
	 * With `fixedMaxParallel` (`MAX_CONCURRENT_REQUESTS`) the host gets a fixed cap (its own `maxParallel` first);
	 * without, an adaptive limit up to its `maxParallel`, else 256.
	 */
	public constructor(
		settings: HostSettings,
		fixedMaxParallel: number | undefined,
		private readonly clock: Clock,
		breakerOptions: CircuitBreakerOptions = DefaultCircuitBreakerOptions,
	) {
		this.url = settings.url;
		this.weight = settings.weight;
		this.labels = settings.labels;
		this.concurrency =
			fixedMaxParallel === undefined
				? new AdaptiveConcurrencyLimit(clock, { maxLimit: settings.maxParallel ?? DefaultAdaptiveConcurrencyOptions.maxLimit })
				: new FixedConcurrencyLimit(settings.maxParallel ?? fixedMaxParallel);
		this.breaker = new CircuitBreaker(clock, breakerOptions);
	}

	public get maxParallel(): number {
		return this.concurrency.limit;
	}

	public get capacity(): number | undefined {
		return this.concurrency.capacity;
	}

	/** When the health monitor checks this host next (ms since epoch). */
	public nextCheckAt = 0;

	public get retryAt(): number {
		return this.alive ? this.breaker.retryAt : Math.max(this.breaker.retryAt, this.nextCheckAt);
	}

	public get circuit(): CircuitState {
		return this.breaker.state;
	}

	public hasModel(model: string): boolean {
		return !this.missing.has(model) && (this.models === undefined || this.models.has(model));
	}

	public isWarm(model: string): boolean {
		return this.loaded.has(model);
	}

	public hasCapacity(): boolean {
		return this.inFlight < this.maxParallel;
	}

	public canPass(): boolean {
		return this.alive && this.breaker.canPass();
	}

	/** Takes a slot; the caller must have checked capacity. The sample goes back to {@link concurrency} with the outcome. */
	public acquire(model: string): ConcurrencySample {
		const warm = this.isWarm(model);
		this.inFlight += 1;
		this.breaker.onStart();
		// Ollama loads the model for this request: later requests will find it warm.
		this.loaded.add(model);
		const sample = { startedAt: this.clock.now(), inFlightAtStart: this.inFlight, warm };
		this.concurrency.onStart(sample);
		return sample;
	}

	/** Returns a slot. */
	public release(): void {
		this.inFlight -= 1;
	}

	/** Records a finished request into the moving average of time per token, so long and short replies compare. */
	public recordLatency(durationMs: number, tokens: number): void {
		const sample = durationMs / Math.max(1, tokens);
		this.msPerToken = this.msPerToken === undefined ? sample : this.msPerToken + latencySmoothing * (sample - this.msPerToken);
	}
}
