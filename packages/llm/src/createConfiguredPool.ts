import { type Config, createRedisConnection, Keyspace, type Logger, type RedisClient, simulatedPartsAllowed, waitForRedisReady } from '@charbot/core';
import { RedisResponseCache } from './cache/RedisResponseCache.js';
import { refuseSimulatedHosts } from './health/refuseSimulatedHosts.js';
import { LlmPool } from './LlmPool.js';
import { boundModelLabel } from './metrics/boundModelLabel.js';
import type { LlmMetrics } from './metrics/LlmMetrics.js';
import { resolveLlmSettings } from './settings/resolveLlmSettings.js';

/** A started pool and what it holds open. */
export interface ConfiguredPool {
	readonly pool: LlmPool;
	/** The cache connection (KeyDB/Redis), when a cache is configured. */
	readonly cacheConnection: RedisClient | undefined;
	close(): Promise<void>;
}

/**
 * Builds and starts the pool a process uses, from the environment: hosts and roles, the balancing
 * strategy, and the response cache and coalescing on `CACHE_REDIS_URL` (or `REDIS_URL`). With
 * `NODE_ENV=production` it throws a `ConfigError` before opening anything when a host is the Ollama simulator.
 * The metrics given record the `model` of configured models only (others as `other`).
 */
export async function createConfiguredPool(config: Config, logger: Logger, options: { metrics?: readonly LlmMetrics[] } = {}): Promise<ConfiguredPool> {
	const settings = resolveLlmSettings(config);
	await refuseSimulatedHosts(config, settings);
	const models = new Set(Object.values(settings.roles).map((role) => role.model));
	// The cache's own server or cluster, else the queues' (a nodes list goes with the URL it takes its credentials from).
	const cacheUrl = config.CACHE_REDIS_URL ?? config.REDIS_URL;
	const clusterNodes = config.CACHE_REDIS_URL === undefined ? config.REDIS_CLUSTER_NODES : config.CACHE_REDIS_CLUSTER_NODES;
	const cacheConnection =
		cacheUrl === undefined ? undefined : createRedisConnection({ url: cacheUrl, clusterNodes, role: 'cache', logger, connectionName: 'charbot-llm-cache' });
	if (cacheConnection === undefined) logger.warn('no CACHE_REDIS_URL or REDIS_URL: LLM responses are not cached or coalesced across processes');
	// The cache fails fast by design; wait for it briefly so the first requests don't count as cache errors.
	if (cacheConnection !== undefined) {
		await waitForRedisReady(cacheConnection, 5000).catch((error: unknown) => {
			logger.warn({ err: error }, 'the response cache is not reachable yet; generating without it until it is');
		});
	}
	const pool = new LlmPool({
		settings,
		logger,
		strategy: config.LLM_BALANCING,
		keyPrefix: config.REDIS_KEY_PREFIX,
		// Production refuses the simulator even if a host turns into one after the start.
		allowSimulated: simulatedPartsAllowed(config),
		...(options.metrics ? { metrics: options.metrics.map((metrics) => boundModelLabel(metrics, models)) } : {}),
		...(cacheConnection
			? {
					cache: new RedisResponseCache({
						redis: cacheConnection,
						keys: new Keyspace(config.REDIS_KEY_PREFIX),
						ttlSeconds: settings.cacheTtlSeconds,
						maxSize: settings.cacheMaxSize,
					}),
					coalescingRedis: cacheConnection,
				}
			: {}),
	});
	await pool.start();
	return {
		pool,
		cacheConnection,
		close: async () => {
			await pool.close();
			cacheConnection?.disconnect();
		},
	};
}
