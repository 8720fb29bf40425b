import type { Clock, Logger } from '@charbot/core';
import type { HostFetch } from '../generation/createHostFetch.js';
import type { ProbeTarget } from '../backends/HostApi.js';
import { hostApiFor } from '../backends/hostApiFor.js';
import type { HostModel, HostState } from '../hosts/HostState.js';

/** A model whose digest changed on a host: cached answers of the old model must not be served. */
export interface ModelChange {
	readonly host: string;
	readonly model: string;
	readonly oldDigest: string;
	readonly newDigest: string;
}

/** Options of {@link HealthMonitor}. */
export interface HealthMonitorOptions {
	readonly hosts: readonly { state: HostState; fetch: HostFetch }[];
	readonly intervalMs: number;
	readonly clock: Clock;
	readonly logger?: Logger;
	/** Called after any check that changed a host's health, models or loaded models. */
	readonly onChange: () => void;
	readonly onModelChange?: (change: ModelChange) => void;
	/** Timeout of each probe request. */
	readonly probeTimeoutMs?: number;
	/** Accept hosts that say they are the Ollama simulator (local trials and tests only). */
	readonly allowSimulated?: boolean;
	/** How often the load of hosts that publish it (vLLM's `/metrics`) is read between health checks. */
	readonly loadIntervalMs?: number;
}

/** Default of {@link HealthMonitorOptions.loadIntervalMs}: load goes stale fast, unlike health. */
export const DefaultLoadIntervalMs = 2000;

// A dead host is checked sooner than the regular interval, so recovery is noticed quickly.
const deadHostRecheckMs = 2000;

/**
 * Checks each host periodically through its API: liveness and readiness (Ollama: `/api/version`, models from
 * `/api/tags`, loaded ones from `/api/ps`; OpenAI-compatible: `/models`). A host that answers is alive even while it
 * loads a model. Hosts that publish their own load (vLLM) have it read more often, for balancing.
 */
export class HealthMonitor {
	private timers = new Map<string, NodeJS.Timeout>();
	private loadTimer: NodeJS.Timeout | undefined;
	private stopped = false;

	public constructor(private readonly options: HealthMonitorOptions) {}

	/** Runs a first check of every host and schedules the next ones. */
	public async start(): Promise<void> {
		await Promise.all(this.options.hosts.map((host) => this.checkAndSchedule(host)));
		if (this.options.hosts.some((host) => host.state.kind === 'openai')) this.scheduleLoadReads();
	}

	/** Checks every host now. */
	public async checkAll(): Promise<void> {
		await Promise.all(this.options.hosts.map((host) => this.check(host)));
	}

	public stop(): void {
		this.stopped = true;
		for (const timer of this.timers.values()) clearTimeout(timer);
		this.timers.clear();
		clearTimeout(this.loadTimer);
	}

	private scheduleLoadReads(): void {
		this.loadTimer = setTimeout(() => {
			void Promise.all(
				this.options.hosts
					.filter(({ state }) => state.alive && state.serverLoad !== null)
					.map(async (host) => {
						try {
							this.recordLoad(host.state, await hostApiFor(host.state.kind).probeLoad(this.target(host)));
						} catch {
							// A missed load reading only leaves the last one in place; health checks judge the host.
						}
					}),
			).finally(() => {
				if (!this.stopped) this.scheduleLoadReads();
			});
		}, this.options.loadIntervalMs ?? DefaultLoadIntervalMs);
		this.loadTimer.unref();
	}

	private recordLoad(state: HostState, load: HostState['serverLoad']): void {
		state.serverLoad = load;
		state.inFlightAtLoad = state.inFlight;
	}

	private target({ state, fetch }: { state: HostState; fetch: HostFetch }): ProbeTarget {
		return { url: state.url, fetch, apiKey: state.apiKey, timeoutMs: this.options.probeTimeoutMs ?? 3000, askLoad: state.serverLoad !== null };
	}

	private async checkAndSchedule(host: { state: HostState; fetch: HostFetch }): Promise<void> {
		await this.check(host);
		if (this.stopped) return;
		const delay = host.state.alive ? this.options.intervalMs : Math.min(this.options.intervalMs, deadHostRecheckMs);
		host.state.nextCheckAt = this.options.clock.now() + delay;
		const timer = setTimeout(() => void this.checkAndSchedule(host), delay);
		timer.unref();
		this.timers.set(host.state.url, timer);
	}

	/** Checks one host and updates its state. */
	public async check(host: { state: HostState; fetch: HostFetch }): Promise<void> {
		const { state } = host;
		const before = `${state.alive}|${state.circuit}|${[...(state.models?.keys() ?? [])].join()}|${[...state.loaded].join()}`;
		try {
			const probe = await hostApiFor(state.kind).probe(this.target(host));
			// Never answer members from a simulator by accident: a real deployment refuses it loudly.
			if (probe.simulated && this.options.allowSimulated !== true) {
				throw new Error(
					'this host is the Ollama simulator; it is accepted only with ALLOW_SIMULATED_PARTS=true and NODE_ENV other than production (local trials and tests)',
				);
			}
			this.updateModels(state, probe.models);
			state.loaded = new Set(probe.loaded);
			if (probe.serverLoad !== undefined) this.recordLoad(state, probe.serverLoad);
			state.missing.clear();
			if (!state.alive) this.options.logger?.info({ host: state.url }, `${state.kind} host ${state.url} is alive again`);
			state.alive = true;
			state.lastCheckError = undefined;
			// A half-open circuit lets one probe through; a clean health check is that probe.
			if (state.circuit === 'half-open') state.breaker.onSuccess();
		} catch (error) {
			const reason = describe(error);
			if (state.alive || state.lastCheckError !== reason)
				this.options.logger?.warn({ host: state.url, reason }, `${state.kind} host ${state.url} failed its health check: ${reason}`);
			state.alive = false;
			state.lastCheckError = reason;
		}
		const after = `${state.alive}|${state.circuit}|${[...(state.models?.keys() ?? [])].join()}|${[...state.loaded].join()}`;
		if (before !== after) this.options.onChange();
	}

	private updateModels(state: HostState, models: readonly HostModel[]): void {
		const previous = state.models;
		state.models = new Map(models.map((model) => [model.name, model]));
		if (!previous) return;
		for (const model of models) {
			const old = previous.get(model.name);
			if (old && old.digest !== model.digest)
				this.options.onModelChange?.({ host: state.url, model: model.name, oldDigest: old.digest, newDigest: model.digest });
		}
	}
}

function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const cause = (error as { cause?: { code?: string } }).cause;
	if (error.name === 'TimeoutError') return 'no answer within the probe timeout';
	return cause?.code ? `${error.message} (${cause.code})` : error.message;
}
