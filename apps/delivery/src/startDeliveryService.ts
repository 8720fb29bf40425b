import { openServiceCharacters } from '@charbot/characters';
import { createQueueMetrics } from '@charbot/contracts';
import { Keyspace, openWorkerConnections, type RunningService, type ServiceContext, StartupError, UndoStack } from '@charbot/core';
import { GuildStats, SettingsCache } from '@charbot/stores';
import { createDiscordRest } from './delivery/createDiscordRest.js';
import { resolveWebhookTokenSeal } from './delivery/resolveWebhookTokenSeal.js';
import { DiscordProbe } from './health/DiscordProbe.js';
import { combineDeliveryHooks } from './metrics/combineDeliveryHooks.js';
import { createDeliveryPrometheusHooks } from './metrics/createDeliveryPrometheusHooks.js';
import { createDeliveryStatsHooks } from './metrics/createDeliveryStatsHooks.js';
import { DeliveryCounters } from './metrics/DeliveryCounters.js';
import { startDelivery } from './startDelivery.js';

/** Starts the delivery process's parts from the settings: Discord REST, connections, characters and the deliver worker. */
export async function startDeliveryService({ config, logger, registry }: ServiceContext): Promise<RunningService> {
	const redisUrl = config.REDIS_URL;
	if (redisUrl === undefined) throw new StartupError('REDIS_URL is required: delivery takes its jobs from a BullMQ queue (`npm start` provides a Redis)');
	const webhookTokenSeal = resolveWebhookTokenSeal(config, logger);
	const rest = createDiscordRest(config, logger);
	const prometheus = createDeliveryPrometheusHooks(registry);
	prometheus.watchRest(rest);
	const keyspace = new Keyspace(config.REDIS_KEY_PREFIX);
	const built = new UndoStack(logger);
	try {
		const redis = await openWorkerConnections({
			url: redisUrl,
			clusterNodes: config.REDIS_CLUSTER_NODES,
			logger,
			names: { worker: 'delivery-worker', producer: 'delivery-producer' },
			undo: built,
			readyTimeoutMs: 15_000,
		});
		const { worker: connection, producer } = redis;
		const discord = new DiscordProbe(rest, logger);
		await discord.probe();
		const characters = await openServiceCharacters(config, logger);
		built.push(() => characters.close());
		// Settings are read for every delivery: kept in memory, dropped when any process writes them.
		const settingsCache = new SettingsCache(producer, keyspace, { logger });
		built.push(() => settingsCache.close());

		const counters = new DeliveryCounters();
		const stats = new GuildStats(producer, keyspace, { logger });
		const delivery = await startDelivery({
			connection,
			producer,
			keyspace,
			characters,
			rest,
			logger,
			hooks: combineDeliveryHooks(counters, prometheus, createDeliveryStatsHooks(stats)),
			concurrency: config.WORKER_CONCURRENCY,
			lockDurationMs: config.WORKER_LOCK_SECONDS * 1000,
			limiter: { max: config.DELIVERY_RATE_LIMIT, duration: 1000 },
			webhookTokenSeal,
			settingsCache,
		});
		const queueMetrics = createQueueMetrics(registry, [delivery.deliverQueue]);
		queueMetrics.watchWorker(delivery.worker);
		return {
			checks: {
				redis: async () => ({ ok: (await producer.ping()) === 'PONG' }),
				discord: discord.check,
				characters: () => ({ ok: characters.list().length > 0, detail: `${characters.list().length} characters loaded` }),
			},
			close: async () => {
				await delivery.close();
				characters.close();
				await settingsCache.close();
				logger.info({ counts: counters.snapshot() }, 'delivery counts');
				// The last deliveries' counts, while the connection is still open.
				await stats.close();
				await redis.quit();
			},
		};
	} catch (error) {
		await built.undo();
		throw error;
	}
}
