import { CharacterRegistry } from '@charbot/characters';
import {
	ConfigError,
	createLogger,
	createQueueMetrics,
	createRedisConnection,
	createShutdown,
	Keyspace,
	loadConfig,
	prometheusRenderer,
	resolveFromRoot,
	scrubSecrets,
	startHealthServer,
	waitForRedisReady,
} from '@charbot/core';
import { GuildStats } from '@charbot/conversation';
import { createConfiguredPool, refuseSimulatedHosts, resolveLlmSettings } from '@charbot/llm';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { lazyLlmPool } from './judge/LlmSource.js';
import { combineHooks } from './metrics/combineHooks.js';
import { createGuildStatsHooks } from './metrics/createGuildStatsHooks.js';
import { createPrometheusHooks } from './metrics/createPrometheusHooks.js';
import { QualityControlCounters } from './metrics/QualityControlCounters.js';
import { StartupError } from './StartupError.js';
import { startQualityControl } from './startQualityControl.js';

async function main(): Promise<void> {
	const config = loadConfig();
	const logger = createLogger({ name: 'quality-control', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
	process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
	const redisUrl = config.REDIS_URL;
	if (redisUrl === undefined) throw new StartupError('REDIS_URL is required: quality-control takes its jobs from BullMQ queues (`npm start` provides a Redis)');
	const registry = new Registry();
	collectDefaultMetrics({ register: registry });
	const prometheus = createPrometheusHooks(registry);
	// Resolved now so a bad roles file (or the Ollama simulator in production) fails at start, though the pool itself
	// opens only when a judge is needed.
	await refuseSimulatedHosts(config, resolveLlmSettings(config));
	const keyspace = new Keyspace(config.REDIS_KEY_PREFIX);
	const connection = createRedisConnection({ url: redisUrl, role: 'worker', logger, connectionName: 'quality-control-worker' });
	const producer = createRedisConnection({ url: redisUrl, role: 'producer', logger, connectionName: 'quality-control-producer' });
	await waitForRedisReady(producer, 15_000);

	const characters = await CharacterRegistry.open({
		dir: resolveFromRoot(config.CHARACTERS_DIR),
		onProblem: (problem) => logger.warn({ problem }, `persona problem: ${problem.message}`),
	});

	const llm = lazyLlmPool(async () => {
		const opened = await createConfiguredPool(config, logger);
		logger.info('LLM pool started for the judge');
		return opened;
	});

	const counters = new QualityControlCounters();
	const qc = await startQualityControl({
		connection,
		producer,
		keyspace,
		characters,
		logger,
		maxAttempts: config.QC_MAX_ATTEMPTS,
		llm: llm.get,
		judgeTimeoutMs: config.QC_JUDGE_TIMEOUT_MS,
		hooks: combineHooks(counters, prometheus, createGuildStatsHooks(new GuildStats(producer, keyspace), logger)),
		reviewConcurrency: config.WORKER_CONCURRENCY,
		lockDurationMs: config.WORKER_LOCK_SECONDS * 1000,
	});
	const queueMetrics = createQueueMetrics(registry, [qc.reviewQueue]);
	queueMetrics.watchWorker(qc.reviewWorker);
	const health = await startHealthServer({
		port: config.HEALTH_PORT,
		host: config.HEALTH_HOST,
		logger,
		checks: {
			redis: async () => ({ ok: (await producer.ping()) === 'PONG' }),
			characters: () => ({ ok: characters.list().length > 0, detail: `${characters.list().length} characters loaded` }),
		},
		metrics: prometheusRenderer(registry),
	});
	logger.info({ health: health.url }, 'quality-control is running');

	const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT * 1000 });
	shutdown.add('stop readiness', () => health.markStopping());
	shutdown.add('workers', () => qc.close());
	shutdown.add('llm pool', () => llm.close());
	shutdown.add('characters', () => characters.close());
	shutdown.add('log counts', () => logger.info({ counts: counters.snapshot() }, 'quality-control counts'));
	shutdown.add('redis', async () => {
		await Promise.all([connection.quit(), producer.quit()]);
	});
	shutdown.add('health server', () => health.close());
}

main().catch((error: unknown) => {
	const text =
		error instanceof ConfigError || error instanceof StartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
	console.error(`quality-control: ${scrubSecrets(text)}`);
	process.exit(1);
});
