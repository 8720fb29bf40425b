import { deliverJobId, messageJobId, QueueName, reviewJobId } from '@charbot/contracts';
import { type Job, Queue } from 'bullmq';
import type { Keyspace } from '@charbot/core';
import type { Redis } from 'ioredis';
import { percentile } from '../benchReport.js';

/** One answered question, with epoch-millisecond times as the emulator saw them. */
export interface TimedMessage {
	readonly messageId: string;
	readonly postedAtMs: number;
	readonly answeredAtMs: number;
}

/** One step of the pipeline and how long it took, in milliseconds. */
export interface StageTiming {
	readonly stage: string;
	readonly p50Ms: number;
	readonly p95Ms: number;
	readonly p99Ms: number;
	/** Messages whose three jobs were all found (completed jobs are kept up to an age and count). */
	readonly count: number;
}

const stages = [
	'gateway: event → route job added',
	'route queue wait',
	'router: prompt + LLM (sim) + review job added',
	'review queue wait',
	'quality control: score + deliver job added',
	'deliver queue wait (limiter included)',
	'delivery: webhook post → reply stored',
] as const;

/**
 * Splits each message's latency at the BullMQ job timestamps (`timestamp` when added, `processedOn` when a worker took
 * it) of its route, review and deliver jobs: where the time goes between the apps. Times come from the apps' clocks
 * (the same machine), in whole milliseconds.
 */
/** The stages, and when each message's deliver job was added (epoch ms): how fast work reached delivery. */
export interface StageBreakdown {
	readonly stages: StageTiming[];
	readonly deliverAddedAtMs: number[];
}

export async function overheadStageBreakdown(redis: Redis, keys: Keyspace, characterId: string, messages: readonly TimedMessage[]): Promise<StageBreakdown> {
	const open = (name: string) => new Queue(name, { connection: redis, prefix: keys.queuePrefix(name) });
	const [route, review, deliver] = [open(QueueName.Route), open(QueueName.Review), open(QueueName.Deliver)];
	try {
		const samples: number[][] = stages.map(() => []);
		const deliverAddedAtMs: number[] = [];
		await Promise.all(
			messages.map(async (message) => {
				const jobKey = messageJobId(message.messageId, characterId);
				const [routeJob, reviewJob, deliverJob] = (await Promise.all([
					route.getJob(jobKey),
					review.getJob(reviewJobId(jobKey, 1)),
					deliver.getJob(deliverJobId(jobKey)),
				])) as (Job | undefined)[];
				if (!routeJob?.processedOn || !reviewJob?.processedOn || !deliverJob?.processedOn) return;
				const marks = [
					message.postedAtMs,
					routeJob.timestamp,
					routeJob.processedOn,
					reviewJob.timestamp,
					reviewJob.processedOn,
					deliverJob.timestamp,
					deliverJob.processedOn,
					message.answeredAtMs,
				];
				deliverAddedAtMs.push(deliverJob.timestamp);
				for (let index = 0; index < stages.length; index += 1) samples[index]?.push((marks[index + 1] as number) - (marks[index] as number));
			}),
		);
		return {
			stages: stages.map((stage, index) => {
				const values = samples[index] ?? [];
				return { stage, p50Ms: percentile(values, 0.5), p95Ms: percentile(values, 0.95), p99Ms: percentile(values, 0.99), count: values.length };
			}),
			deliverAddedAtMs,
		};
	} finally {
		await Promise.all([route.close(), review.close(), deliver.close()]);
	}
}
