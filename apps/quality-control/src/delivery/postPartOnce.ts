import type { Job } from 'bullmq';
import { DelayedError } from 'bullmq';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import type { PostedMessage } from './ReplyPoster.js';

/** One part of a reply to post, and how. */
export interface PartToPost {
	readonly jobKey: string;
	readonly index: number;
	readonly post: () => Promise<PostedMessage>;
}

/** What became of the part: posted now, or found posted by another attempt of the job. */
export type PartOutcome = { readonly postedNow: PostedMessage } | { readonly postedBefore: string };

// A post succeeded but Redis would not take its record: keep trying while the claim lasts, or a retry would post it again.
const recordRetryMaxDelayMs = 2000;

/**
 * Posts one part of a reply at most once across every attempt of the job: the attempt claims the part in the
 * `DeliveryLedger` before posting and records the message after. When another attempt holds the claim (BullMQ started a
 * second one after the first lost its lock in a Redis outage), this one goes back to the delayed set until the claim
 * ends, without spending an attempt, and then finds the part posted or claimable.
 */
export async function postPartOnce(
	deps: Pick<DeliveryDependencies, 'ledger' | 'claimMs' | 'logger'>,
	job: Job,
	token: string | undefined,
	part: PartToPost,
): Promise<PartOutcome> {
	const claim = await deps.ledger.claim(part.jobKey, part.index, deps.claimMs);
	if (claim === undefined) {
		const postedBefore = await deps.ledger.posted(part.jobKey, part.index);
		if (postedBefore !== undefined) return { postedBefore };
		const waitMs = (await deps.ledger.claimRemainingMs(part.jobKey, part.index)) + 250;
		deps.logger.warn({ jobKey: part.jobKey, part: part.index, waitMs }, 'another attempt of this delivery is posting the part; waiting for it');
		if (token === undefined) throw new Error(`part ${part.index} of ${part.jobKey} is being posted by another attempt`);
		await job.moveToDelayed(Date.now() + waitMs, token);
		throw new DelayedError();
	}
	let message: PostedMessage;
	try {
		message = await part.post();
	} catch (error) {
		await deps.ledger
			.release(claim)
			.catch((releaseError: unknown) =>
				deps.logger.warn({ err: releaseError, jobKey: part.jobKey, part: part.index }, 'could not release the claim; a retry waits for it to run out'),
			);
		throw error;
	}
	const giveUpAt = Date.now() + deps.claimMs;
	for (let delayMs = 100; ; delayMs = Math.min(recordRetryMaxDelayMs, delayMs * 2)) {
		try {
			await deps.ledger.record(part.jobKey, part.index, message.id);
			return { postedNow: message };
		} catch (error) {
			if (Date.now() + delayMs >= giveUpAt) {
				deps.logger.error({ err: error, jobKey: part.jobKey, part: part.index, messageId: message.id }, 'posted a part but could not record it');
				throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, delayMs));
		}
	}
}
