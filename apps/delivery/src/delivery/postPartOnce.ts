import type { Job } from 'bullmq';
import { DelayedError } from 'bullmq';
import type { DeliveryClaim, RecordedWith } from '../ledger/DeliveryLedger.js';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import type { PostedMessage } from './ReplyPoster.js';

/** One part of a reply to post, and how. */
export interface PartToPost {
	/** The guild the part goes to (null in DMs), whose keys the ledger's are. */
	readonly guildId: string | null;
	readonly jobKey: string;
	readonly index: number;
	readonly post: () => Promise<PostedMessage>;
	/** Messages since `sinceMs` that look like this part, oldest first; where absent, an earlier attempt's post is not looked for. */
	readonly findPosted?: ((sinceMs: number) => Promise<readonly PostedMessage[]>) | undefined;
	/**
	 * Writes that belong to the part being posted (its owner, the channel history...), added to the transaction that
	 * records it: `message` is the one posted now, or found posted by an earlier attempt (its author then unknown).
	 */
	readonly recordedWith?: ((message: { readonly id: string; readonly authorId: string | undefined }) => RecordedWith) | undefined;
}

/** What became of the part: posted now, or found posted by another attempt of the job. */
export type PartOutcome = { readonly postedNow: PostedMessage } | { readonly postedBefore: string };

// A post succeeded but Redis would not take its record: keep trying while the claim lasts, or a retry would post it again.
const recordRetryMaxDelayMs = 2000;
// Discord's clock and Redis's may differ a little: look a bit before the earlier claim began.
const lookBackMarginMs = 5000;

/**
 * Posts one part of a reply at most once across every attempt of the job: the attempt claims the part in the
 * `DeliveryLedger` before posting and records the message after. When another attempt holds the claim (BullMQ started a
 * second one after the first lost its lock in a Redis outage), this one goes back to the delayed set until the claim
 * ends, without spending an attempt, and then finds the part posted or claimable. An attempt that claims a part after an
 * earlier claim ran out unrecorded (its process was killed between posting and recording) first looks for the part among
 * the channel's messages since then (`findPosted`) and records the message it finds instead of posting again.
 */
export async function postPartOnce(
	deps: Pick<DeliveryDependencies, 'ledger' | 'claimMs' | 'logger'>,
	job: Job,
	token: string | undefined,
	part: PartToPost,
): Promise<PartOutcome> {
	// One round trip: a part recorded by an earlier attempt (with everything written beside it) is done.
	const claimed = await deps.ledger.claimUnlessPosted(part.guildId, part.jobKey, part.index, deps.claimMs);
	if (claimed.kind === 'posted') return { postedBefore: claimed.messageId };
	if (claimed.kind === 'held') {
		const waitMs = claimed.remainingMs + 250;
		deps.logger.warn({ jobKey: part.jobKey, part: part.index, waitMs }, 'another attempt of this delivery is posting the part; waiting for it');
		if (token === undefined) throw new Error(`part ${part.index} of ${part.jobKey} is being posted by another attempt`);
		await job.moveToDelayed(Date.now() + waitMs, token);
		throw new DelayedError();
	}
	const { claim } = claimed;
	// An earlier attempt claimed the part and never recorded a post: it may have died right after Discord took it.
	if (claim.earlierAttemptAt !== undefined && part.findPosted !== undefined) {
		const found = await findEarlierPost(deps, part, claim, claim.earlierAttemptAt);
		if (found !== undefined) {
			await recordPart(deps, part, { id: found, authorId: undefined });
			return { postedBefore: found };
		}
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
	await recordPart(deps, part, message);
	return { postedNow: message };
}

/** Records the part with its writes, retrying while the claim lasts: a retry of the job would post it again. */
async function recordPart(
	deps: Pick<DeliveryDependencies, 'ledger' | 'claimMs' | 'logger'>,
	part: PartToPost,
	message: { readonly id: string; readonly authorId: string | undefined },
): Promise<void> {
	const giveUpAt = Date.now() + deps.claimMs;
	for (let delayMs = 100, attempt = 1; ; delayMs = Math.min(recordRetryMaxDelayMs, delayMs * 2), attempt += 1) {
		try {
			// A transaction whose answer was lost (Redis restarting) may have run: writing it again would double the history.
			if (attempt > 1 && (await deps.ledger.posted(part.guildId, part.jobKey, part.index)) === message.id) return;
			await deps.ledger.record(part.guildId, part.jobKey, part.index, message.id, part.recordedWith?.(message));
			return;
		} catch (error) {
			if (Date.now() + delayMs >= giveUpAt) {
				deps.logger.error({ err: error, jobKey: part.jobKey, part: part.index, messageId: message.id }, 'posted a part but could not record it');
				throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, delayMs));
		}
	}
}

/** The id of the message an earlier attempt posted for the part, now recorded for it; undefined when none is found. */
async function findEarlierPost(
	deps: Pick<DeliveryDependencies, 'ledger' | 'logger'>,
	part: PartToPost,
	claim: DeliveryClaim,
	earlierAttemptAt: number,
): Promise<string | undefined> {
	const where = { jobKey: part.jobKey, part: part.index, earlierAttemptAt };
	let candidates: readonly PostedMessage[];
	try {
		candidates = (await part.findPosted?.(earlierAttemptAt - lookBackMarginMs)) ?? [];
	} catch (error) {
		// A reply posted twice is better than one never posted: without the channel's messages, post it.
		deps.logger.warn({ ...where, err: error }, 'could not look for a post of an earlier attempt; posting the part');
		return undefined;
	}
	for (const candidate of candidates) {
		// Only tied to the part here; the caller records it as after a post.
		if (!(await deps.ledger.adopt(claim, candidate.id))) continue;
		deps.logger.warn({ ...where, messageId: candidate.id }, 'found the part posted by an earlier attempt that died before recording it; not posting it again');
		return candidate.id;
	}
	return undefined;
}
