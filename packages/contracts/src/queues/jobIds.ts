import { snowflakeSchema } from './jobSchemas.js';

/** BullMQ refuses custom ids that contain `:` or are all digits. */
export function assertValidJobId(jobId: string): string {
	if (jobId.includes(':')) throw new Error(`Job id ${JSON.stringify(jobId)} must not contain ":" (BullMQ uses it as a key separator)`);
	if (/^\d+$/.test(jobId)) throw new Error(`Job id ${JSON.stringify(jobId)} must not be all digits (BullMQ: "Custom Id cannot be integers")`);
	if (jobId.length === 0 || jobId.length > 200) throw new Error('Job id must be 1-200 characters');
	return jobId;
}

/**
 * The idempotent id of the job answering one Discord message as one character: a replayed or
 * duplicated gateway event maps to the same id, so BullMQ keeps a single job.
 */
export function messageJobId(messageId: string, characterId?: string): string {
	snowflakeSchema.parse(messageId);
	return assertValidJobId(characterId === undefined ? `msg-${messageId}` : `msg-${messageId}-${characterId}`);
}

/** The id of the review job for an attempt at answering a message (attempt 1 is the first). */
export function reviewJobId(jobKey: string, attempt: number): string {
	return assertValidJobId(`${jobKey}-review-${attempt}`);
}

/** The id of the route job regenerating an answer after `failedAttempts` rejected ones. */
export function regenerateJobId(jobKey: string, failedAttempts: number): string {
	return assertValidJobId(`${jobKey}-retry-${failedAttempts}`);
}

/**
 * The id (and `jobKey`) of the route job regenerating a posted reply at a member's request: one per click (the
 * interaction's id), so a replayed click adds one job and each new click its own.
 */
export function regenerateReplyJobId(messageId: string, characterId: string, interactionId: string): string {
	snowflakeSchema.parse(interactionId);
	return assertValidJobId(`${messageJobId(messageId, characterId)}-regen-${interactionId}`);
}

/** The id of the delivery job for a message's passed reply. */
export function deliverJobId(jobKey: string): string {
	return assertValidJobId(`${jobKey}-deliver`);
}

/** The id of the delivery job posting a notice to one channel (or interaction), claimed at `claimedAt` (ms since epoch). */
export function noticeJobId(notice: string, targetId: string, claimedAt: number): string {
	return assertValidJobId(`notice-${notice}-${targetId}-${claimedAt}`);
}

/** The id of the delivery job telling a slash command's member that no good answer came (one per answer, whoever gives up). */
export function noAnswerNoticeJobId(jobKey: string): string {
	return assertValidJobId(`${jobKey}-no-answer`);
}
