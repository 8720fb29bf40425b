import type { HostKind, OpenAiDialect } from '../settings/hostKinds.js';
import type { HostSettings } from '../settings/llmSettings.js';
import { AdaptiveConcurrencyLimit, DefaultAdaptiveConcurrencyOptions } from './AdaptiveConcurrencyLimit.js';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitState, DefaultCircuitBreakerOptions } from './CircuitBreaker.js';
import type { ConcurrencyLimit, ConcurrencySample } from './ConcurrencyLimit.js';
import { FixedConcurrencyLimit } from './FixedConcurrencyLimit.js';
import type { ServerLoad } from './ServerLoad.js';
import type { Clock } from '@charbot/core';

/** A model a host has, as `/api/tags` (or `/v1/models`) lists it. */
export interface HostModel {
	readonly name: string;
	readonly digest: string;
	/** Unknown on OpenAI-compatible hosts. */
	readonly sizeBytes: number | undefined;
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
	/** Requests the server itself counted beyond ours at its last report (other processes' load), 0 when it reports none. */
	readonly othersLoad: number;
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

/** The live state of one model host: load, latency, health and models. */
export class HostState implements HostView {
	public readonly url: string;
	public readonly kind: HostKind;
	public readonly apiKey: string | undefined;
	public readonly dialect: OpenAiDialect | undefined;
	private readonly modelNames: Readonly<Record<string, string>>;
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
	/** The server's own load from its last report; `null` once it turned out to publish none. */
	public serverLoad: ServerLoad | null | undefined;
	/** Our in-flight requests when the server's load was read, to tell its count of ours from others'. */
	public inFlightAtLoad = 0;
	/** Until when the host asked to be left alone (`Retry-After` on a 429 or 503), ms since epoch. */
	public busyUntil = 0;
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
		this.kind = settings.kind ?? 'ollama';
		this.apiKey = settings.apiKey;
		this.dialect = settings.dialect;
		this.modelNames = settings.models ?? {};
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
		const retryAt = this.alive ? this.breaker.retryAt : Math.max(this.breaker.retryAt, this.nextCheckAt);
		return Math.max(retryAt, this.busyUntil);
	}

	public get othersLoad(): number {
		if (!this.serverLoad) return 0;
		return Math.max(0, this.serverLoad.running + this.serverLoad.waiting - this.inFlightAtLoad);
	}

	/** The model as this host names it (the roles' name unless the host's `models` maps it). */
	public modelName(model: string): string {
		return this.modelNames[model] ?? model;
	}

	/** The host's entry for a model named as the roles name it; undefined when absent or not checked yet. */
	public modelEntry(model: string): HostModel | undefined {
		return this.models?.get(this.modelName(model));
	}

	public get circuit(): CircuitState {
		return this.breaker.state;
	}

	public hasModel(model: string): boolean {
		return !this.missing.has(model) && (this.models === undefined || this.models.has(this.modelName(model)));
	}

	public isWarm(model: string): boolean {
		return this.loaded.has(this.modelName(model));
	}

	public hasCapacity(): boolean {
		return this.inFlight < this.maxParallel;
	}

	public canPass(): boolean {
		return this.alive && this.busyUntil <= this.clock.now() && this.breaker.canPass();
	}

	/** Keeps requests away for a while (the host answered busy, with or without a `Retry-After`). */
	public leaveAloneFor(ms: number): void {
		this.busyUntil = Math.max(this.busyUntil, this.clock.now() + ms);
	}

	/** Takes a slot; the caller must have checked capacity. The sample goes back to {@link concurrency} with the outcome. */
	public acquire(model: string): ConcurrencySample {
		const warm = this.isWarm(model);
		this.inFlight += 1;
		this.breaker.onStart();
		// Ollama loads the model for this request: later requests will find it warm.
		this.loaded.add(this.modelName(model));
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
