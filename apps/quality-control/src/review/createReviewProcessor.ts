import {
	type Attempt,
	buildJobData,
	DefaultJobOptions,
	deliverJobId,
	enqueueRouteJob,
	parseJobData,
	QueueName,
	regenerateJobId,
	type ReviewJob,
	throwWithNoAnswerNotice,
} from '@charbot/contracts';
import { runHook } from '@charbot/core';
import { type Job, UnrecoverableError } from 'bullmq';
import type { ReviewOutcomeKind } from '../metrics/QualityControlHooks.js';
import type { ReplyScore } from '../scoring/ReplyScore.js';
import { ReplyRejectedError } from './ReplyRejectedError.js';
import { reviewCandidate } from './reviewCandidate.js';
import type { ReviewDependencies } from './ReviewDependencies.js';

/** What a review job returns (kept on the completed job). */
export interface ReviewJobResult {
	readonly outcome: ReviewOutcomeKind;
	readonly score: number;
	readonly reasons: readonly string[];
	/** The job it added: the delivery or the regeneration. */
	readonly nextJobId: string;
}

/** Most reasons, and characters per reason, an attempt may carry (core's `attemptSchema`). */
const maxReasons = 20;
const maxReasonChars = 500;

/**
 * The `review` worker's processor: scores the candidate, then adds the `deliver` job (pass), the `route` job that
 * regenerates with the reasons (fail), or, for a failed escalation, logs and throws `ReplyRejectedError` (an
 * `UnrecoverableError`). When the job fails for good (a rejected escalation or any other final failure), a member who addressed the character gets the
 * `no-good-answer` notice first (in a slash command's deferred response, or as a reply to the message), and the next
 * character addressed with it takes its turn.
 */
export function createReviewProcessor(deps: ReviewDependencies): (job: Job, token?: string, signal?: AbortSignal) => Promise<ReviewJobResult> {
	return async (job, _token, signal) => {
		const data = parseJobData(QueueName.Review, job.data);
		try {
			return await review(deps, data, signal);
		} catch (error) {
			return throwWithNoAnswerNotice(deps, job, data, error);
		}
	};
}

async function review(deps: ReviewDependencies, data: ReviewJob, signal: AbortSignal | undefined): Promise<ReviewJobResult> {
	const persona = deps.characters.get(data.characterId);
	if (persona === undefined) throw new UnrecoverableError(`Character "${data.characterId}" is not loaded; cannot review ${data.jobKey}`);
	const { result, text, repairedFrom, judge } = await reviewCandidate(deps, data, persona, signal);
	const { candidate, ...route } = data;
	const record = (outcome: ReviewOutcomeKind) =>
		runHook(deps.logger, 'a quality-control metrics hook', () =>
			deps.hooks.onReview?.({
				guildId: data.message.guildId,
				characterId: data.characterId,
				outcome,
				score: result.score,
				kinds: (repairedFrom ?? result).findings.map((finding) => finding.kind),
				judge,
				role: candidate.role,
			}),
		);

	if (result.verdict === 'pass') {
		const outcome = repairedFrom === undefined ? 'delivered' : 'repaired';
		const jobId = deliverJobId(data.jobKey);
		const payload = buildJobData(QueueName.Deliver, { ...route, text: text.trim(), score: result.score, model: candidate.model });
		await deps.deliverQueue.add('deliver', payload, { ...DefaultJobOptions, jobId });
		if (repairedFrom === undefined) deps.logger.info({ jobKey: data.jobKey, characterId: data.characterId, score: result.score, judge }, 'reply passed review');
		else {
			deps.logger.info(
				{ jobKey: data.jobKey, characterId: data.characterId, score: result.score, judge, removed: repairedFrom.reasons },
				'reply repaired: removed what failed it and posting the rest',
			);
		}
		record(outcome);
		return { outcome, score: result.score, reasons: (repairedFrom ?? result).reasons, nextJobId: jobId };
	}

	const failed: Attempt = { ...candidate, reasons: clipReasons(result.reasons) };
	// The router escalates once failedAttempts reaches QC_MAX_ATTEMPTS, so such a candidate was the escalation too.
	if (candidate.role === 'escalation' || data.failedAttempts.length >= deps.maxAttempts) {
		record('rejected');
		throw rejectEscalation(deps, data, result, failed);
	}
	const attempt = data.failedAttempts.length + 1;
	const jobId = regenerateJobId(data.jobKey, attempt);
	await enqueueRouteJob(deps.routeQueue, jobId, { ...route, failedAttempts: [...data.failedAttempts, failed] }, 'regenerate');
	deps.logger.info(
		{ jobKey: data.jobKey, characterId: data.characterId, attempt, score: result.score, reasons: result.reasons },
		'reply failed review; regenerating',
	);
	record('regenerated');
	return { outcome: 'regenerated', score: result.score, reasons: result.reasons, nextJobId: jobId };
}

/** Logs a failed escalation with everything needed to see why, and returns the error that ends the job. */
function rejectEscalation(deps: ReviewDependencies, data: ReviewJob, result: ReplyScore, failed: Attempt): ReplyRejectedError {
	const { message } = data;
	deps.logger.warn(
		{
			jobKey: data.jobKey,
			characterId: data.characterId,
			guildId: message.guildId,
			channelId: message.channelId,
			messageId: message.id,
			memberMessage: message.content.slice(0, 500),
			trigger: data.trigger,
			score: result.score,
			candidate: { model: failed.model, host: failed.host, role: failed.role, text: failed.text.slice(0, 2000), reasons: failed.reasons },
			earlierAttempts: data.failedAttempts.map((attempt) => ({ model: attempt.model, role: attempt.role, reasons: attempt.reasons })),
		},
		'escalated reply failed review; giving up on this message',
	);
	return new ReplyRejectedError(`Escalated reply for ${data.jobKey} failed review (score ${result.score}): ${failed.reasons.join('; ')}`);
}

function clipReasons(reasons: readonly string[]): string[] {
	return reasons.slice(0, maxReasons).map((reason) => (reason.length > maxReasonChars ? `${reason.slice(0, maxReasonChars - 1)}…` : reason));
}
