import { openServiceCharacters } from '@charbot/characters';
import { createQueueMetrics } from '@charbot/contracts';
import { Keyspace, openWorkerConnections, type RunningService, type ServiceContext, StartupError, UndoStack } from '@charbot/core';
import { GuildStats, SettingsCache } from '@charbot/stores';
import { createConfiguredPool, refuseSimulatedHosts, resolveLlmSettings } from '@charbot/llm';
import { lazyLlmPool } from './judge/LlmSource.js';
import { combineHooks } from './metrics/combineHooks.js';
import { createGuildStatsHooks } from './metrics/createGuildStatsHooks.js';
import { createPrometheusHooks } from './metrics/createPrometheusHooks.js';
import { QualityControlCounters } from './metrics/QualityControlCounters.js';
import { startQualityControl } from './startQualityControl.js';

/** Starts the quality-control process's parts from the settings: connections, characters, the judge's pool and the workers. */
export async function startQualityControlService({ config, logger, registry }: ServiceContext): Promise<RunningService> {
	const redisUrl = config.REDIS_URL;
	if (redisUrl === undefined) throw new StartupError('REDIS_URL is required: quality-control takes its jobs from BullMQ queues (`npm start` provides a Redis)');
	const prometheus = createPrometheusHooks(registry);
	// Resolved now so a bad roles file (or the Ollama simulator in production) fails at start, though the pool itself
	// opens only when a judge is needed.
	await refuseSimulatedHosts(config, resolveLlmSettings(config));
	const keyspace = new Keyspace(config.REDIS_KEY_PREFIX);
	const built = new UndoStack(logger);
	try {
		const redis = await openWorkerConnections({
			url: redisUrl,
			clusterNodes: config.REDIS_CLUSTER_NODES,
			logger,
			names: { worker: 'quality-control-worker', producer: 'quality-control-producer' },
			undo: built,
			readyTimeoutMs: 15_000,
		});
		const { worker: connection, producer } = redis;
		const characters = await openServiceCharacters(config, logger);
		built.push(() => characters.close());
		const llm = lazyLlmPool(async () => {
			const opened = await createConfiguredPool(config, logger);
			logger.info('LLM pool started for the judge');
			return opened;
		});
		built.push(() => llm.close());
		// Settings are read for every review: kept in memory, dropped when any process writes them.
		const settingsCache = new SettingsCache(producer, keyspace, { logger });
		built.push(() => settingsCache.close());

		const counters = new QualityControlCounters();
		const stats = new GuildStats(producer, keyspace, { logger });
		const qc = await startQualityControl({
			connection,
			producer,
			keyspace,
			characters,
			logger,
			maxAttempts: config.QC_MAX_ATTEMPTS,
			llm: llm.get,
			judgeTimeoutMs: config.QC_JUDGE_TIMEOUT_MS,
			hooks: combineHooks(counters, prometheus, createGuildStatsHooks(stats)),
			reviewConcurrency: config.WORKER_CONCURRENCY,
			lockDurationMs: config.WORKER_LOCK_SECONDS * 1000,
			settingsCache,
		});
		const queueMetrics = createQueueMetrics(registry, [qc.reviewQueue]);
		queueMetrics.watchWorker(qc.reviewWorker);
		return {
			checks: {
				redis: async () => ({ ok: (await producer.ping()) === 'PONG' }),
				characters: () => ({ ok: characters.list().length > 0, detail: `${characters.list().length} characters loaded` }),
			},
			close: async () => {
				await qc.close();
				await llm.close();
				characters.close();
				await settingsCache.close();
				logger.info({ counts: counters.snapshot() }, 'quality-control counts');
				// The last reviews' counts, while the connection is still open.
				await stats.close();
				await redis.quit();
			},
		};
	} catch (error) {
		await built.undo();
		throw error;
	}
}
