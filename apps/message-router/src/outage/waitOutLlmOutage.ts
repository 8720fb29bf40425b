import { type Clock, type Logger, systemClock } from '@charbot/core';
import { buildJobData, type Notice, QueueName, type RouteJob } from '@charbot/contracts';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type { LlmOutageError } from './LlmOutageError.js';
import type { ChannelNotices } from '../notices/ChannelNotices.js';
import { outageRetryDelay } from './outageRetryDelay.js';

/** What {@link waitOutLlmOutage} needs. */
export interface OutageWaitOptions {
	/** How long a job may wait for a host (`LLM_OUTAGE_PATIENCE`), from the first time it found none. */
	readonly patienceMs: number;
	readonly notices: ChannelNotices;
	readonly logger: Logger;
	/** The time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
	readonly random?: () => number;
}

/**
 * Handles a route job that no LLM host can serve. Within the patience: the channel gets the "resting" notice (once per
 * interval), and the job goes back to the delayed set with a growing delay and throws BullMQ's `DelayedError`, so the
 * wait does not count as an attempt. Past it: the channel gets an apology and the job fails for good (`UnrecoverableError`).
 */
export async function waitOutLlmOutage(
	job: Job,
	token: string | undefined,
	route: RouteJob,
	outage: LlmOutageError,
	options: OutageWaitOptions,
): Promise<never> {
	const now = (options.clock ?? systemClock).now();
	const since = route.llmWaitingSince ?? now;
	const waitedMs = now - since;
	const fields = { jobId: job.id, channelId: route.message.channelId, role: outage.role, waitedMs };
	if (waitedMs >= options.patienceMs) {
		await notify(options, route, 'llm-gave-up', now);
		throw new UnrecoverableError(
			`no LLM host could serve role "${outage.role}" for ${Math.round(waitedMs / 1000)} s (LLM_OUTAGE_PATIENCE); the member was told`,
		);
	}
	await notify(options, route, 'llm-resting', now);
	if (route.llmWaitingSince === undefined) await job.updateData(buildJobData(QueueName.Route, { ...route, llmWaitingSince: since }));
	const delayMs = outageRetryDelay(waitedMs, options.random);
	await job.moveToDelayed(now + delayMs, token);
	options.logger.info({ ...fields, delayMs }, `route job ${job.id} waits ${delayMs} ms for an LLM host (none can serve); its attempts are kept`);
	throw new DelayedError();
}

// A notice is best effort: a failed one is logged, and the job still waits (or fails) as it should.
async function notify(options: OutageWaitOptions, route: RouteJob, notice: Notice, now: number): Promise<void> {
	try {
		if (await options.notices.notify(route, notice, now)) options.logger.warn({ channelId: route.message.channelId, notice }, `posting the ${notice} notice`);
	} catch (error) {
		options.logger.error({ err: error, channelId: route.message.channelId, notice }, `could not enqueue the ${notice} notice`);
	}
}
