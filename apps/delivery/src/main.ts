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
	registerSecret,
	resolveFromRoot,
	scrubSecrets,
	startHealthServer,
	waitForRedisReady,
} from '@charbot/core';
import { GuildStats } from '@charbot/conversation';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createDiscordRest } from './delivery/createDiscordRest.js';
import { resolveWebhookTokenSeal } from './delivery/resolveWebhookTokenSeal.js';
import { DiscordProbe } from './health/DiscordProbe.js';
import { combineDeliveryHooks } from './metrics/combineDeliveryHooks.js';
import { createDeliveryPrometheusHooks } from './metrics/createDeliveryPrometheusHooks.js';
import { createDeliveryStatsHooks } from './metrics/createDeliveryStatsHooks.js';
import { DeliveryCounters } from './metrics/DeliveryCounters.js';
import { StartupError } from './StartupError.js';
import { startDelivery } from './startDelivery.js';

async function main(): Promise<void> {
	const config = loadConfig();
	registerSecret(config.DISCORD_TOKEN);
	const logger = createLogger({ name: 'delivery', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
	process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
	const redisUrl = config.REDIS_URL;
	if (redisUrl === undefined) throw new StartupError('REDIS_URL is required: delivery takes its jobs from a BullMQ queue (`npm start` provides a Redis)');
	const webhookTokenSeal = resolveWebhookTokenSeal(config, logger);
	const rest = createDiscordRest(config, logger);
	const registry = new Registry();
	collectDefaultMetrics({ register: registry });
	const prometheus = createDeliveryPrometheusHooks(registry);
	prometheus.watchRest(rest);
	const keyspace = new Keyspace(config.REDIS_KEY_PREFIX);
	const connection = createRedisConnection({ url: redisUrl, role: 'worker', logger, connectionName: 'delivery-worker' });
	const producer = createRedisConnection({ url: redisUrl, role: 'producer', logger, connectionName: 'delivery-producer' });
	await waitForRedisReady(producer, 15_000);

	const discord = new DiscordProbe(rest, logger);
	await discord.probe();
	const characters = await CharacterRegistry.open({
		dir: resolveFromRoot(config.CHARACTERS_DIR),
		onProblem: (problem) => logger.warn({ problem }, `persona problem: ${problem.message}`),
	});

	const counters = new DeliveryCounters();
	const delivery = await startDelivery({
		connection,
		producer,
		keyspace,
		characters,
		rest,
		logger,
		hooks: combineDeliveryHooks(counters, prometheus, createDeliveryStatsHooks(new GuildStats(producer, keyspace), logger)),
		concurrency: config.WORKER_CONCURRENCY,
		lockDurationMs: config.WORKER_LOCK_SECONDS * 1000,
		limiter: { max: config.DELIVERY_RATE_LIMIT, duration: 1000 },
		webhookTokenSeal,
	});
	const queueMetrics = createQueueMetrics(registry, [delivery.deliverQueue]);
	queueMetrics.watchWorker(delivery.worker);
	const health = await startHealthServer({
		port: config.HEALTH_PORT,
		host: config.HEALTH_HOST,
		logger,
		checks: {
			redis: async () => ({ ok: (await producer.ping()) === 'PONG' }),
			discord: discord.check,
			characters: () => ({ ok: characters.list().length > 0, detail: `${characters.list().length} characters loaded` }),
		},
		metrics: prometheusRenderer(registry),
	});
	logger.info({ health: health.url }, 'delivery is running');

	const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT * 1000 });
	shutdown.add('stop readiness', () => health.markStopping());
	shutdown.add('worker', () => delivery.close());
	shutdown.add('characters', () => characters.close());
	shutdown.add('log counts', () => logger.info({ counts: counters.snapshot() }, 'delivery counts'));
	shutdown.add('redis', async () => {
		await Promise.all([connection.quit(), producer.quit()]);
	});
	shutdown.add('health server', () => health.close());
}

main().catch((error: unknown) => {
	const text =
		error instanceof ConfigError || error instanceof StartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
	console.error(`delivery: ${scrubSecrets(text)}`);
	process.exit(1);
});
