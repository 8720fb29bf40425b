import { type ChatMessage, type Clock, Keyspace, type Logger, systemClock, type RedisClient } from '@charbot/core';
import type { BalancingStrategy } from './balancing/BalancingStrategy.js';
import { createStrategy, type StrategyName } from './balancing/createStrategy.js';
import { fromCache } from './cache/fromCache.js';
import { toMessages } from './generation/toMessages.js';
import { toOllamaOptions } from './settings/toOllamaOptions.js';
import { CacheGuard } from './cache/CacheGuard.js';
import { buildCacheKey } from './cache/cacheKey.js';
import type { CachedResponse, CacheScope, ResponseCache } from './cache/ResponseCache.js';
import { type LockCompanion, RequestCoalescer } from './coalescing/RequestCoalescer.js';
import { InvalidRequestError, LlmError } from './errors/LlmError.js';
import { createHostFetch, type HostFetch } from './generation/createHostFetch.js';
import { type AttemptTimeouts, type RetryPolicy, runAttempts } from './generation/runAttempts.js';
import type { GenerateRequest, GenerateResult } from './generation/types.js';
import { describePoolHealth, type PoolHealth } from './health/describePoolHealth.js';
import { HealthMonitor } from './health/HealthMonitor.js';
import { warmUpHosts } from './health/warmUpHosts.js';
import type { CircuitBreakerOptions } from './hosts/CircuitBreaker.js';
import { HostDispatcher } from './hosts/HostDispatcher.js';
import { HostState } from './hosts/HostState.js';
import type { LlmMetrics } from './metrics/LlmMetrics.js';
import { LlmStats, type LlmStatsSnapshot } from './metrics/LlmStats.js';
import { resolveGenerationSettings } from './settings/generationDefaults.js';
import type { LlmSettings, RoleSettings } from './settings/llmSettings.js';

/** What a generation hands over to the requests coalesced with it, and what a cache hit restores. */
type Answer = ReturnType<typeof fromCache> & { readonly attempts: number };

/** The answer of {@link LlmPool.validateModel}. */
export interface ModelValidation {
	readonly model: string;
	readonly available: boolean;
	readonly hosts: readonly { url: string; alive: boolean; present: boolean; loaded: boolean; sizeBytes: number | undefined; digest: string | undefined }[];
	readonly sizeBytes: number | undefined;
	/** Measured by a short generation; includes a cold load when the model wasn't loaded. */
	readonly performance: { host: string; tokensPerSecond: number; generationTimeMs: number } | undefined;
}

/** Options of {@link LlmPool}. */
export interface LlmPoolOptions {
	readonly settings: LlmSettings;
	readonly logger: Logger;
	/** `least-loaded` (default) or `round-robin`, or a strategy of your own. */
	readonly strategy?: StrategyName | BalancingStrategy;
	/** The response cache; none when absent. */
	readonly cache?: ResponseCache;
	/** Shared Redis for coalescing identical requests across processes (usually the cache connection). */
	readonly coalescingRedis?: RedisClient;
	/** Namespace of coalescing keys. */
	readonly keyPrefix?: string;
	readonly metrics?: readonly LlmMetrics[];
	readonly clock?: Clock;
	readonly timeouts?: Partial<AttemptTimeouts & { connectMs: number }>;
	readonly retry?: Partial<RetryPolicy>;
	readonly breaker?: CircuitBreakerOptions;
	/** Send a load request for each role's model on start (default true). */
	readonly warmUp?: boolean;
	/** Run periodic health checks (default true). */
	readonly healthChecks?: boolean;
	/** Accept the Ollama simulator as a host (default false: it is refused as not alive, with the reason). */
	readonly allowSimulated?: boolean;
}

/** Default timeouts: 3 s to connect, 30 s to a first token when warm, 3 min when the model must load. */
export const DefaultPoolTimeouts = { connectMs: 3000, warmFirstTokenMs: 30_000, coldFirstTokenMs: 180_000 } as const;

/** Default retries: up to 3 attempts on different hosts, backoff from 250 ms to 4 s with full jitter. */
export const DefaultRetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4000 } as const satisfies RetryPolicy;

/**
 * The LLM layer: balances requests over model hosts (Ollama and OpenAI-compatible) by role, checks their health, fails over,
 * coalesces identical requests and caches responses. Every character reply and judgement goes here.
 */
export class LlmPool {
	private readonly hosts: HostState[];
	private readonly fetches = new Map<HostState, { fetch: HostFetch; close: () => Promise<void> }>();
	private readonly dispatcher: HostDispatcher;
	private readonly monitor: HealthMonitor;
	private readonly coalescer: RequestCoalescer;
	private readonly cache: CacheGuard | undefined;
	private readonly stats = new LlmStats();
	private readonly metrics: readonly LlmMetrics[];
	private readonly timeouts: AttemptTimeouts;
	private readonly retry: RetryPolicy;
	public readonly strategy: BalancingStrategy;

	public constructor(private readonly options: LlmPoolOptions) {
		const clock = options.clock ?? systemClock;
		const { settings } = options;
		if (settings.hosts.length === 0) throw new LlmError('invalid-request', 'LlmPool needs at least one model host', false);
		this.hosts = settings.hosts.map((host) => new HostState(host, settings.maxParallelPerHost, clock, options.breaker));
		const connectMs = options.timeouts?.connectMs ?? DefaultPoolTimeouts.connectMs;
		for (const host of this.hosts) this.fetches.set(host, createHostFetch({ connectTimeoutMs: connectMs, connections: host.concurrency.maxLimit + 2 }));
		this.strategy = typeof options.strategy === 'object' ? options.strategy : createStrategy(options.strategy ?? 'least-loaded');
		this.dispatcher = new HostDispatcher(this.strategy, clock);
		this.metrics = [this.stats, ...(options.metrics ?? [])];
		this.timeouts = { ...DefaultPoolTimeouts, ...options.timeouts };
		this.retry = { ...DefaultRetryPolicy, maxAttempts: Math.max(DefaultRetryPolicy.maxAttempts, Math.min(this.hosts.length + 1, 6)), ...options.retry };
		this.cache = options.cache && settings.cacheTtlSeconds > 0 ? new CacheGuard(options.cache, options.logger, this.metrics) : undefined;
		this.coalescer = new RequestCoalescer({
			keys: new Keyspace(options.keyPrefix ?? 'charbot'),
			logger: options.logger,
			// The cache's shards: its lookup takes the lock, so the lock must be in its entry's shard.
			...(options.cache?.shards === undefined ? {} : { shards: options.cache.shards }),
			...(options.coalescingRedis ? { redis: options.coalescingRedis } : {}),
		});
		this.monitor = new HealthMonitor({
			hosts: this.hosts.map((state) => ({ state, fetch: this.fetchFor(state) })),
			intervalMs: settings.healthIntervalMs,
			clock,
			logger: options.logger,
			onChange: () => this.dispatcher.pump(),
			allowSimulated: options.allowSimulated === true,
			onModelChange: (change) => {
				options.logger.info(change, `model ${change.model} changed on ${change.host}; its cached answers are no longer served`);
				void this.cache
					?.clear({ model: change.model })
					.catch((error: unknown) => options.logger.warn({ err: error, model: change.model }, 'could not clear the cached answers of a changed model'));
			},
		});
	}

	/** Checks every host once, starts periodic checks and warms each role's model. */
	public async start(): Promise<void> {
		if (this.options.healthChecks === false) await this.monitor.checkAll();
		else await this.monitor.start();
		if (this.options.warmUp !== false) {
			void warmUpHosts({
				hosts: this.hosts,
				roles: this.options.settings.roles,
				hostsForRole: (role) => this.hostsForRole(role),
				fetchFor: (host) => this.fetchFor(host),
				logger: this.options.logger,
			}).then(() => this.monitor.checkAll());
		}
	}

	/** Stops checks, fails waiting requests and closes host connections. */
	public async close(): Promise<void> {
		this.monitor.stop();
		this.dispatcher.rejectAll(new LlmError('aborted', 'LLM pool is closing', true));
		await Promise.all([...this.fetches.values()].map((entry) => entry.close()));
	}

	/** Generates a reply: from the cache, from an identical request in flight, or from the best host. */
	public async generate(request: GenerateRequest): Promise<GenerateResult> {
		const started = Date.now();
		const roleName = request.role ?? 'chat';
		const role = this.roleSettings(roleName);
		const model = request.model ?? role.model;
		const hosts = this.hostsForRole(roleName);
		const messages = toMessages(request);
		const settings = resolveGenerationSettings(request.settings);
		const options = toOllamaOptions(settings);
		const character = request.character ?? 'none';
		const { key, promptHash } = buildCacheKey({
			model,
			modelDigest: backendModels(hosts, model),
			messages,
			format: request.format,
			character,
			settings: options,
		});
		const useCache = request.useCache !== false && this.cache !== undefined;
		const deadline = started + (request.timeoutMs ?? this.options.settings.requestTimeoutMs);
		const record = (result: Omit<GenerateResult, 'generationTimeMs' | 'promptHash'> | undefined, error?: LlmError): GenerateResult | undefined => {
			const durationMs = Date.now() - started;
			this.log(roleName, model, character, messages, durationMs, result, error, request.conversationId);
			for (const metrics of this.metrics) {
				metrics.request({
					role: roleName,
					model,
					character,
					host: result?.host,
					outcome: result ? 'ok' : 'error',
					...(error ? { errorCode: error.code } : {}),
					cacheHit: result?.cacheHit ?? false,
					coalesced: result?.coalesced ?? false,
					durationMs,
					promptTokens: result?.promptTokens ?? 0,
					evalTokens: result?.evalTokens ?? 0,
				});
			}
			return result && { ...result, generationTimeMs: durationMs, promptHash };
		};

		// A cache on the coalescing Redis takes the lock with its lookup and releases it with its store: two round trips.
		const cache = useCache ? this.cache : undefined;
		const lockingCache = cache?.takesLocksOn(this.options.coalescingRedis) === true ? cache : undefined;
		// Truncated (`length`) or empty output is never cached: a later request deserves a full answer.
		const toCached = (outcome: Answer): CachedResponse | undefined =>
			outcome.doneReason === 'stop' && outcome.text.trim() !== '' ? { ...outcome, generationTimeMs: Date.now() - started, cachedAt: Date.now() } : undefined;
		try {
			if (cache !== undefined && lockingCache === undefined) {
				const cached = await cache.get(key);
				if (cached) return record({ ...fromCache(cached), cacheHit: true, coalesced: false, attempts: 0 }) as GenerateResult;
			}
			const produce = async (signal: AbortSignal | undefined): Promise<Answer> => {
				const outcome = await runAttempts({
					model,
					hosts,
					messages,
					settings,
					...(request.format === undefined ? {} : { format: request.format }),
					...(role.keepAlive === undefined ? {} : { keepAlive: role.keepAlive }),
					deadline,
					...(signal === undefined ? {} : { signal }),
					...(request.priority === undefined ? {} : { priority: request.priority }),
					fetchFor: (host) => this.fetchFor(host),
					dispatcher: this.dispatcher,
					timeouts: this.timeouts,
					retry: this.retry,
					metrics: this.metrics,
					logger: this.options.logger,
				});
				const toStore = lockingCache === undefined ? toCached(outcome) : undefined;
				if (toStore !== undefined) await cache?.set(key, toStore);
				return outcome;
			};
			const companion: LockCompanion<Answer> | undefined = lockingCache && {
				lookupOrLock: async (lock) => {
					const claim = await lockingCache.getOrLock(key, lock);
					return 'cached' in claim ? { found: { ...fromCache(claim.cached), attempts: 0 } } : claim;
				},
				storeAndRelease: (value, lock, handover) => lockingCache.setAndRelease(key, toCached(value), lock, handover),
			};
			const { value, coalesced, found } = cache
				? await this.coalescer.run(key, deadline, produce, request.signal, companion)
				: { value: await produce(request.signal), coalesced: false, found: undefined };
			if (found === true) return record({ ...value, cacheHit: true, coalesced: false, attempts: 0 }) as GenerateResult;
			return record({
				text: value.text,
				model: value.model,
				host: value.host,
				cacheHit: false,
				coalesced,
				promptTokens: value.promptTokens,
				evalTokens: value.evalTokens,
				doneReason: value.doneReason,
				attempts: coalesced ? 0 : value.attempts,
			}) as GenerateResult;
		} catch (error) {
			const failure = error instanceof LlmError ? error : new LlmError('upstream', String(error), true, { cause: error });
			record(undefined, failure);
			throw failure;
		}
	}

	/** Health of hosts, roles and cache, for `/readyz` and the LLM service's `/health`. */
	public async health(): Promise<PoolHealth> {
		return describePoolHealth({ hosts: this.hosts, roles: this.options.settings.roles, hostsForRole: (role) => this.hostsForRole(role), cache: this.cache });
	}

	/** Whether the role is configured (the `vision` role exists only when a vision model is named). */
	public hasRole(role: string): boolean {
		return Object.hasOwn(this.options.settings.roles, role);
	}

	/**
	 * Whether any host for the role could take a request now (answering health checks, circuit not open; busy ones count).
	 * False only in an outage, which callers tell from a single failed request with it.
	 */
	public canServe(role = 'chat'): boolean {
		return this.hostsForRole(role).some((host) => host.alive && host.circuit !== 'open');
	}

	/** Counters since start: requests, cache hit rate, average response time, per-host counts. */
	public snapshot(): LlmStatsSnapshot {
		return this.stats.snapshot();
	}

	/** Clears cached responses (all, by character or by model); returns how many. */
	public async clearCache(scope: CacheScope): Promise<number> {
		return (await this.cache?.clear(scope)) ?? 0;
	}

	/**
	 * Checks a model: which hosts have it (size, digest, loaded) and, when any does, a short generation
	 * measuring tokens per second.
	 */
	public async validateModel(model: string): Promise<ModelValidation> {
		await this.monitor.checkAll();
		const hosts = this.hosts.map((host) => {
			const entry = host.modelEntry(model);
			return { url: host.url, alive: host.alive, present: entry !== undefined, loaded: host.isWarm(model), sizeBytes: entry?.sizeBytes, digest: entry?.digest };
		});
		const available = hosts.some((host) => host.present && host.alive);
		if (!available) return { model, available, hosts, sizeBytes: undefined, performance: undefined };
		const probe = await this.generate({
			role: 'chat',
			model,
			prompt: 'Say hello in five words.',
			useCache: false,
			settings: { maxTokens: 32, temperature: 0 },
		});
		const seconds = probe.generationTimeMs / 1000;
		return {
			model,
			available,
			hosts,
			sizeBytes: hosts.find((host) => host.sizeBytes !== undefined)?.sizeBytes,
			performance: { host: probe.host, tokensPerSecond: seconds > 0 ? probe.evalTokens / seconds : 0, generationTimeMs: probe.generationTimeMs },
		};
	}

	/** Re-checks every host now (tests and the ops API use it instead of waiting for the interval). */
	public async checkHealth(): Promise<void> {
		await this.monitor.checkAll();
	}

	/** Live view of the hosts, for the balancing benchmark and `/health`. */
	public get hostStates(): readonly HostState[] {
		return this.hosts;
	}

	private roleSettings(role: string): RoleSettings {
		const settings = this.options.settings.roles[role];
		if (!settings) throw new InvalidRequestError(`Unknown LLM role "${role}"; configured roles: ${Object.keys(this.options.settings.roles).join(', ')}`);
		return settings;
	}

	private hostsForRole(role: string): HostState[] {
		const selectors = this.roleSettings(role).hosts;
		if (!selectors) return this.hosts;
		return this.hosts.filter((host) => selectors.some((selector) => host.url === selector.replace(/\/$/, '') || host.labels.includes(selector)));
	}

	private fetchFor(host: HostState): HostFetch {
		return (this.fetches.get(host) as { fetch: HostFetch }).fetch;
	}

	private log(
		role: string,
		model: string,
		character: string,
		messages: readonly ChatMessage[],
		durationMs: number,
		result: Omit<GenerateResult, 'generationTimeMs' | 'promptHash'> | undefined,
		error: LlmError | undefined,
		conversationId: string | undefined,
	): void {
		const fields = {
			role,
			model,
			character,
			conversationId,
			promptLength: messages.reduce((sum, message) => sum + message.content.length, 0),
			images: messages.reduce((sum, message) => sum + (message.images?.length ?? 0), 0),
			responseTimeMs: durationMs,
			cacheHit: result?.cacheHit ?? false,
			coalesced: result?.coalesced ?? false,
			host: result?.host,
			promptTokens: result?.promptTokens,
			tokens: result?.evalTokens,
			attempts: result?.attempts,
		};
		if (error) this.options.logger.warn({ ...fields, error: error.code, reason: error.message }, `llm ${role} request failed: ${error.message}`);
		else this.options.logger.info(fields, `llm ${role} answered by ${result?.host} in ${durationMs} ms`);
	}
}

/**
 * What serves a model for the cache key: each host's kind, its name for the model and the digest it reported, so
 * answers of `llama3.2:1b` on Ollama and of the model a vLLM host serves under another name are kept apart once the
 * pool changes, and a changed model on any host makes new keys.
 */
function backendModels(hosts: readonly HostState[], model: string): string {
	const names = hosts.map((host) => `${host.kind}:${host.modelName(model)}@${host.modelEntry(model)?.digest ?? ''}`);
	return [...new Set(names)].sort().join('|');
}
