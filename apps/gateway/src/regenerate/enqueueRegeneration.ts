import type { RegenerableReply } from '@charbot/stores';
import { enqueueRouteJob } from '@charbot/contracts';
import type { Queue } from 'bullmq';

/** Why the old reply is among the failed attempts: the model reads it as a rejected answer and writes another. */
export const RegenerateReason = 'the member asked for a different answer';

/**
 * Adds the route job regenerating a posted reply: the same message and character, trigger `regenerate`, the old text
 * as a failed attempt (so the model avoids it and the response cache is bypassed), no characters after it, and
 * `replaces` naming the parts delivery edits. Its id (`regenerateReplyJobId`) comes from the click, so a replayed click adds
 * one job.
 */
export async function enqueueRegeneration(routeQueue: Queue, reply: RegenerableReply, jobId: string): Promise<void> {
	await enqueueRouteJob(routeQueue, jobId, {
		jobKey: jobId,
		message: reply.message,
		characterId: reply.characterId,
		trigger: 'regenerate',
		cascadeDepth: reply.cascadeDepth,
		failedAttempts: [{ text: reply.text, model: reply.model ?? 'unknown', host: 'posted', role: 'chat', reasons: [RegenerateReason] }],
		followers: [],
		...(reply.turnOf === undefined ? {} : { turnOf: reply.turnOf }),
		replaces: { messageIds: reply.messageIds },
	});
}
