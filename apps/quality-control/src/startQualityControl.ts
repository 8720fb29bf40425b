import { createRepeatedErrorLog, type Keyspace, type Logger, type RedisClient } from '@charbot/core';
import { CharbotQueue, CharbotWorker, isFinalFailure, noticeStalledFailure, QueueName } from '@charbot/contracts';
import { ChannelHistory, type SettingsCache, SettingsStore } from '@charbot/stores';
import type { Queue, Worker } from 'bullmq';
import type { CharacterSource } from '@charbot/characters';
import type { LlmSource } from './judge/LlmSource.js';
import type { QualityControlHooks } from './metrics/QualityControlHooks.js';
import { resolveQualityControlOptions } from './resolveQualityControlOptions.js';
import { createReviewProcessor } from './review/createReviewProcessor.js';
import { ReplyRejectedError } from './review/ReplyRejectedError.js';
import type { ScoringOptions } from './scoring/ScoreInput.js';

/** Options of {@link startQualityControl}. */
export interface QualityControlOptions {
	/** A `worker`-role connection (BullMQ blocks on it). */
	readonly connection: RedisClient;
	/** A `producer`-role connection: adding jobs and conversation state fail fast, so the job retries. */
	readonly producer: RedisClient;
	readonly keyspace: Keyspace;
	readonly characters: CharacterSource;
	readonly logger: Logger;
	/** `QC_MAX_ATTEMPTS`. */
	readonly maxAttempts: number;
	/** The judge's LLM pool, made on first use; without it the `judge` setting is ignored with a warning. */
	readonly llm?: LlmSource;
	/** `QC_JUDGE_TIMEOUT_MS`: how long a review waits for the judge before the rules decide alone. */
	readonly judgeTimeoutMs?: number;
	readonly hooks?: QualityControlHooks;
	readonly reviewConcurrency?: number;
	/** How long a job stays locked without a heartbeat (`WORKER_LOCK_SECONDS`); a killed worker's jobs return after it. */
	readonly lockDurationMs?: number;
	readonly scoring?: Partial<ScoringOptions>;
	/** Keeps the channels' settings in memory (the caller closes it); without it every review reads them from Redis. */
	readonly settingsCache?: SettingsCache;
}

/** Running quality control: the review worker and the queues it adds to (the `deliver` worker runs in `apps/delivery`). */
export interface QualityControl {
	readonly reviewWorker: Worker;
	readonly routeQueue: Queue;
	readonly deliverQueue: Queue;
	/** The `review` queue its review worker takes from, for its depth. */
	readonly reviewQueue: Queue;
	/** Closes the worker (it finishes active jobs), then the queues; connections stay the caller's. */
	close(): Promise<void>;
}

/** Starts the `review` worker in this process. */
export async function startQualityControl(options: QualityControlOptions): Promise<QualityControl> {
	const { reviewConcurrency, lockDurationMs: lockDuration, judgeTimeoutMs } = resolveQualityControlOptions(options);
	const locking = { lockDuration, stalledInterval: lockDuration };

	const { producer, keyspace: keys, logger } = options;
	const hooks = options.hooks ?? {};
	const history = new ChannelHistory(producer, keys);
	// Charbot queues and workers read a job whose stored data is not JSON as a job to fail, not as an error of their own.
	const routeQueue = new CharbotQueue(QueueName.Route, { connection: producer, prefix: keys.queuePrefix(QueueName.Route) });
	const deliverQueue = new CharbotQueue(QueueName.Deliver, { connection: producer, prefix: keys.queuePrefix(QueueName.Deliver) });
	const reviewQueue = new CharbotQueue(QueueName.Review, { connection: producer, prefix: keys.queuePrefix(QueueName.Review) });
	for (const queue of [routeQueue, deliverQueue, reviewQueue])
		queue.on('error', createRepeatedErrorLog({ logger, label: `${queue.name} queue`, fields: { queue: queue.name } }));

	const reviewWorker = new CharbotWorker(
		QueueName.Review,
		createReviewProcessor({
			characters: options.characters,
			settings: new SettingsStore(producer, keys, options.settingsCache === undefined ? {} : { cache: options.settingsCache }),
			history,
			routeQueue,
			deliverQueue,
			logger,
			maxAttempts: options.maxAttempts,
			hooks,
			judgeTimeoutMs,
			...(options.llm === undefined ? {} : { llm: options.llm }),
			...(options.scoring === undefined ? {} : { scoring: options.scoring }),
		}),
		{ connection: options.connection, prefix: keys.queuePrefix(QueueName.Review), concurrency: reviewConcurrency, ...locking },
	);
	for (const worker of [reviewWorker]) {
		worker.on('error', createRepeatedErrorLog({ logger, label: `${worker.name} worker`, fields: { queue: worker.name } }));
		worker.on('failed', (job, error) => {
			// Logged in full by the review itself, and answered with a notice: no stack for an expected outcome.
			if (error instanceof ReplyRejectedError) return logger.info({ queue: worker.name, jobId: job?.id }, `${worker.name} job ended: no reply passed review`);
			const final = isFinalFailure(job, error, 'counted');
			logger[final ? 'error' : 'warn'](
				{ err: error, queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade },
				final ? `${worker.name} job failed for good` : `${worker.name} job failed; BullMQ will retry it`,
			);
			// A review that stalled too often is failed by BullMQ without reaching the processor's catch: tell the member here.
			if (job !== undefined)
				noticeStalledFailure({ routeQueue, deliverQueue }, QueueName.Review, job, error)
					.then((sent) => sent && logger.warn({ jobId: job.id }, 'sent the no-good-answer notice for a review job that failed by stalling'))
					.catch((noticeError: unknown) =>
						logger.error({ err: noticeError, jobId: job.id }, 'could not send the notice for a review job that failed by stalling'),
					);
		});
	}
	await reviewWorker.waitUntilReady();
	logger.info({ prefix: keys.queuePrefix(QueueName.Review), reviewConcurrency }, 'quality control started');

	return {
		reviewWorker,
		routeQueue,
		deliverQueue,
		reviewQueue,
		close: async () => {
			await reviewWorker.close();
			await Promise.all([routeQueue.close(), deliverQueue.close(), reviewQueue.close()]);
		},
	};
}
