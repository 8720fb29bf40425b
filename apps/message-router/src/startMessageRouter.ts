import { type CharacterRegistry, openServiceCharacters } from '@charbot/characters';
import { ChannelHistory, GenerationBudget, GuildStats, MemberMemory, MemberPersonas, SettingsCache, SettingsStore, VisionStatus } from '@charbot/stores';
import {
	createRepeatedErrorLog,
	type Config,
	Keyspace,
	type Logger,
	mediaHostsFor,
	openWorkerConnections,
	type ReadinessCheck,
	type RedisClient,
	UndoStack,
} from '@charbot/core';
import {
	buildJobData,
	CharbotQueue,
	CharbotWorker,
	createQueueMetrics,
	DefaultJobOptions,
	isFinalFailure,
	noticeStalledFailure,
	parseJobData,
	QueueName,
	reviewJobId,
	throwWithNoAnswerNotice,
} from '@charbot/contracts';
import { DefaultImageLimits } from '@charbot/images';
import {
	createConfiguredPool,
	createPrometheusLlmMetrics,
	type LlmPool,
	refuseSimulatedHosts,
	registerHostHealthMetrics,
	resolveLlmSettings,
	VisionRole,
} from '@charbot/llm';
import type { Worker } from 'bullmq';
import { Registry } from 'prom-client';
import { LlmOutageError } from './outage/LlmOutageError.js';
import { ChannelNotices } from './notices/ChannelNotices.js';
import { waitOutLlmOutage } from './outage/waitOutLlmOutage.js';
import { watchLlmRecovery } from './outage/watchLlmRecovery.js';
import { routerChecks } from './routerChecks.js';
import { createImageReporter } from './vision/createImageReporter.js';
import { chargeRegeneration } from './routing/chargeRegeneration.js';
import { type GenerationRecord, generateCandidate } from './routing/generateCandidate.js';

// One "resting" notice per channel per 10 minutes while an outage lasts.
const outageNoticeIntervalSeconds = 600;

/** Options of {@link startMessageRouter}. */
export interface MessageRouterOptions {
	readonly config: Config;
	readonly logger: Logger;
	/** Metrics registry; a new one when absent. */
	readonly registry?: Registry;
}

/** A running message router. */
export interface MessageRouter {
	readonly worker: Worker;
	readonly pool: LlmPool;
	readonly characters: CharacterRegistry;
	readonly registry: Registry;
	readonly redis: RedisClient;
	/** Readiness checks for the health server: Redis answering, an LLM host ready, characters loaded. */
	readonly checks: Readonly<Record<string, ReadinessCheck>>;
	/** Stops taking jobs, lets active ones finish, then closes every connection. */
	close(): Promise<void>;
}

/** Starts the `route` worker: each job becomes a candidate reply on the `review` queue. */
export async function startMessageRouter(options: MessageRouterOptions): Promise<MessageRouter> {
	const { config, logger } = options;
	const redisUrl = config.REDIS_URL;
	if (redisUrl === undefined) throw new Error('REDIS_URL is required: the message router takes its jobs from the queue Redis');
	// Production refuses the Ollama simulator before any connection opens (the pool would refuse it too, later).
	const llmSettings = resolveLlmSettings(config);
	await refuseSimulatedHosts(config, llmSettings);
	const registry = options.registry ?? new Registry();
	const keys = new Keyspace(config.REDIS_KEY_PREFIX);
	// The steps that can fail: when one does, what was built before it is undone, so a failed start leaves nothing open.
	const built = new UndoStack(logger);
	const opened = await (async () => {
		const connections = await openWorkerConnections({
			url: redisUrl,
			clusterNodes: config.REDIS_CLUSTER_NODES,
			logger,
			names: { worker: 'charbot-router-worker', producer: 'charbot-router' },
			undo: built,
			readyTimeoutMs: 10_000,
		});
		const characters = await openServiceCharacters(config, logger);
		built.push(() => characters.close());
		return { connections, characters, ...(await createConfiguredPool(config, logger, { metrics: [createPrometheusLlmMetrics(registry)] })) };
	})().catch(async (error: unknown) => {
		await built.undo();
		throw error;
	});
	const { connections, characters, pool, close: closePool } = opened;
	const { producer: redis, worker: workerConnection } = connections;
	registerHostHealthMetrics(registry, pool);
	// `/config show` tells admins what the routers do with pictures; a failed write only leaves it unknown there.
	const visionModel = llmSettings.roles[VisionRole]?.model;
	logger.info(
		{ visionModel },
		visionModel === undefined ? "no vision model: members' pictures are only noted in prompts" : `members' pictures are seen by ${visionModel}`,
	);
	await new VisionStatus(redis, keys)
		.publish(visionModel)
		.catch((error: unknown) => logger.warn({ err: error }, 'could not publish the vision model for /config show'));
	// Settings are read for every job: kept in memory, dropped when any process writes them.
	const settingsCache = new SettingsCache(redis, keys, { logger });
	const settings = new SettingsStore(redis, keys, { cache: settingsCache });
	const history = new ChannelHistory(redis, keys);
	const memory = new MemberMemory(redis, keys);
	const personas = new MemberPersonas(redis, keys);
	const stats = new GuildStats(redis, keys, { logger });
	const budget = new GenerationBudget(redis, keys, {
		memberLimit: config.MEMBER_GENERATION_BUDGET,
		guildLimit: config.GUILD_GENERATION_BUDGET,
		windowSeconds: config.GENERATION_BUDGET_WINDOW,
	});
	// Stats are best effort: held in memory and written in batches; a failed write is logged, never the job's failure.
	const onGenerated = ({ guildId, characterId, cacheHit }: GenerationRecord) => stats.recordGeneration(guildId, characterId, cacheHit);
	// Charbot queues and workers read a job whose stored data is not JSON as a job to fail, not as an error of their own.
	const reviewQueue = new CharbotQueue(QueueName.Review, {
		connection: redis,
		prefix: keys.queuePrefix(QueueName.Review),
		defaultJobOptions: DefaultJobOptions,
	});
	const deliverQueue = new CharbotQueue(QueueName.Deliver, {
		connection: redis,
		prefix: keys.queuePrefix(QueueName.Deliver),
		defaultJobOptions: DefaultJobOptions,
	});
	const routeQueue = new CharbotQueue(QueueName.Route, { connection: redis, prefix: keys.queuePrefix(QueueName.Route) });
	const handOn = { deliverQueue, routeQueue };
	const notices = new ChannelNotices({ redis, keys, deliverQueue, intervalSeconds: outageNoticeIntervalSeconds });
	const outage = { patienceMs: config.LLM_OUTAGE_PATIENCE * 1000, notices, logger };
	const imageLimits = { ...DefaultImageLimits, allowedHosts: mediaHostsFor(config.DISCORD_API_URL) };
	const onImagesLooked = createImageReporter({ notices, registry, logger });

	const worker = new CharbotWorker(
		QueueName.Route,
		async (job, token, signal) => {
			const route = parseJobData(QueueName.Route, job.data);
			await chargeRegeneration(budget, route, String(job.id), logger);
			// When this job fails for good, the member gets the no-good-answer notice and the next addressed character its
			// turn (decided here, before the job is marked failed, so no crash can come between); the outage path tells the
			// member itself when it gives up.
			const review = await generateCandidate(
				route,
				{
					characters,
					settings,
					history,
					memory,
					personas,
					pool,
					maxAttempts: config.QC_MAX_ATTEMPTS,
					onGenerated,
					imageLimits,
					onImagesLooked,
					priority: job.priority,
				},
				signal,
			).catch((error: unknown) => {
				if (error instanceof LlmOutageError) return waitOutLlmOutage(job, token, route, error, outage);
				return throwWithNoAnswerNotice(handOn, job, route, error);
			});
			const attempt = route.failedAttempts.length + 1;
			try {
				await reviewQueue.add('review', buildJobData(QueueName.Review, review), { jobId: reviewJobId(route.jobKey, attempt) });
			} catch (error) {
				return throwWithNoAnswerNotice(handOn, job, route, error);
			}
			return { attempt, role: review.candidate.role, host: review.candidate.host };
		},
		{
			connection: workerConnection,
			prefix: keys.queuePrefix(QueueName.Route),
			concurrency: config.WORKER_CONCURRENCY,
			lockDuration: config.WORKER_LOCK_SECONDS * 1000,
			stalledInterval: config.WORKER_LOCK_SECONDS * 1000,
		},
	);
	const recovery = watchLlmRecovery({ pool, routeQueue, logger });
	for (const queue of [routeQueue, reviewQueue, deliverQueue])
		queue.on('error', createRepeatedErrorLog({ logger, label: `${queue.name} queue`, fields: { queue: queue.name } }));
	createQueueMetrics(registry, [routeQueue]).watchWorker(worker);
	worker.on('error', createRepeatedErrorLog({ logger, label: 'route worker', fields: { queue: QueueName.Route } }));
	worker.on('failed', (job, error) => {
		const final = isFinalFailure(job, error, 'counted');
		logger[final ? 'error' : 'warn'](
			{ jobId: job?.id, attemptsMade: job?.attemptsMade, err: error },
			`route job ${job?.id} failed${final ? ' for good' : '; it will be retried'}: ${error.message}`,
		);
		// A job that stalled too often is failed by BullMQ without reaching the processor's catch: tell the member here.
		if (job !== undefined)
			noticeStalledFailure(handOn, QueueName.Route, job, error)
				.then((sent) => sent && logger.warn({ jobId: job.id }, 'sent the no-good-answer notice for a route job that failed by stalling'))
				.catch((noticeError: unknown) =>
					logger.error({ err: noticeError, jobId: job.id }, 'could not send the notice for a route job that failed by stalling'),
				);
	});

	return {
		worker,
		pool,
		characters,
		registry,
		redis,
		checks: routerChecks({ redis, pool, characters }),
		close: async () => {
			recovery.stop();
			await worker.close();
			await Promise.all([reviewQueue.close(), routeQueue.close(), deliverQueue.close()]);
			await closePool();
			characters.close();
			// The last generations' counts, while the connection is still open.
			await stats.close();
			await settingsCache.close();
			redis.disconnect();
			workerConnection.disconnect();
		},
	};
}
