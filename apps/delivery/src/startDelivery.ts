import { createRepeatedErrorLog, type Keyspace, type Logger, type RedisClient } from '@charbot/core';
import { CharbotQueue, CharbotWorker, isFinalFailure, QueueName } from '@charbot/contracts';
import { ChannelHistory, Cooldowns, MessageOwners, RegenerableReplies, type SettingsCache, SettingsStore } from '@charbot/stores';
import { DeliveryLedger } from './ledger/DeliveryLedger.js';
import type { REST } from '@discordjs/rest';
import type { Queue, Worker } from 'bullmq';
import type { CharacterSource } from '@charbot/characters';
import { ChannelWebhooks } from './delivery/ChannelWebhooks.js';
import { createDeliverProcessor } from './delivery/createDeliverProcessor.js';
import type { WebhookTokenSeal } from './delivery/WebhookTokenSeal.js';
import type { DeliveryHooks } from './metrics/DeliveryHooks.js';
import { resolveDeliveryOptions } from './resolveDeliveryOptions.js';

/** Options of {@link startDelivery}. */
export interface DeliveryOptions {
	/** A `worker`-role connection (BullMQ blocks on it). */
	readonly connection: RedisClient;
	/** A `producer`-role connection: adding jobs and conversation state fail fast, so the job retries. */
	readonly producer: RedisClient;
	readonly keyspace: Keyspace;
	readonly characters: CharacterSource;
	/** Discord REST with the bot token (`createDiscordRest`). */
	readonly rest: REST;
	readonly logger: Logger;
	readonly hooks?: DeliveryHooks;
	/** Deliveries (jobs, not parts) per `duration` ms across every replica: BullMQ's queue-wide limiter. */
	readonly limiter?: { readonly max: number; readonly duration: number };
	readonly concurrency?: number;
	/** How long a job stays locked without a heartbeat (`WORKER_LOCK_SECONDS`); a killed worker's jobs return after it. */
	readonly lockDurationMs?: number;
	/** Seals channel webhook tokens cached in Redis (`resolveWebhookTokenSeal`); by default one with a key of its own. */
	readonly webhookTokenSeal?: WebhookTokenSeal;
	/** Keeps the channels' settings in memory (the caller closes it); without it every delivery reads them from Redis. */
	readonly settingsCache?: SettingsCache;
}

/** Running delivery: the `deliver` worker and the queues it reads and adds to. */
export interface Delivery {
	readonly worker: Worker;
	readonly deliverQueue: Queue;
	/** Where the next character of a turn, and a character answering another (banter), get their `route` job. */
	readonly routeQueue: Queue;
	/** Closes the worker (it finishes active jobs), then the queues; connections stay the caller's. */
	close(): Promise<void>;
}

/** Starts the `deliver` worker in this process: posts passed replies and notices to Discord, then starts banter. */
export async function startDelivery(options: DeliveryOptions): Promise<Delivery> {
	const { limiter, concurrency, lockDurationMs: lockDuration } = resolveDeliveryOptions(options);

	const { producer, keyspace: keys, logger } = options;
	// Charbot queues and workers read a job whose stored data is not JSON as a job to fail, not as an error of their own.
	const routeQueue = new CharbotQueue(QueueName.Route, { connection: producer, prefix: keys.queuePrefix(QueueName.Route) });
	const deliverQueue = new CharbotQueue(QueueName.Deliver, { connection: producer, prefix: keys.queuePrefix(QueueName.Deliver) });
	for (const queue of [routeQueue, deliverQueue])
		queue.on('error', createRepeatedErrorLog({ logger, label: `${queue.name} queue`, fields: { queue: queue.name } }));

	const worker = new CharbotWorker(
		QueueName.Deliver,
		createDeliverProcessor({
			rest: options.rest,
			webhooks: new ChannelWebhooks({
				rest: options.rest,
				redis: producer,
				keys,
				logger,
				...(options.webhookTokenSeal === undefined ? {} : { seal: options.webhookTokenSeal }),
			}),
			ledger: new DeliveryLedger(producer, keys),
			claimMs: 2 * lockDuration,
			owners: new MessageOwners(producer, keys),
			history: new ChannelHistory(producer, keys),
			settings: new SettingsStore(producer, keys, options.settingsCache === undefined ? {} : { cache: options.settingsCache }),
			replies: new RegenerableReplies(producer, keys),
			cooldowns: new Cooldowns(producer, keys),
			redis: producer,
			keys,
			characters: options.characters,
			logger,
			hooks: options.hooks ?? {},
			routeQueue,
		}),
		{ connection: options.connection, prefix: keys.queuePrefix(QueueName.Deliver), concurrency, limiter, lockDuration, stalledInterval: lockDuration },
	);
	worker.on('error', createRepeatedErrorLog({ logger, label: `${worker.name} worker`, fields: { queue: worker.name } }));
	worker.on('failed', (job, error) => {
		const final = isFinalFailure(job, error, 'counted');
		logger[final ? 'error' : 'warn'](
			{ err: error, queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade },
			final ? `${worker.name} job failed for good` : `${worker.name} job failed; BullMQ will retry it`,
		);
	});
	await worker.waitUntilReady();
	logger.info({ prefix: keys.queuePrefix(QueueName.Deliver), limiter, concurrency }, 'delivery started');

	return {
		worker,
		deliverQueue,
		routeQueue,
		close: async () => {
			await worker.close();
			await Promise.all([routeQueue.close(), deliverQueue.close()]);
		},
	};
}
