import type { PlatformHarness } from '../../pipeline/platformHarness.js';
import { collectReplies } from './collectReplies.js';
import type { SentQuestion } from './SentQuestion.js';

/** What {@link waitForAnswers} saw when it stopped waiting. */
export interface AnswerWait {
	/** Questions still without any reply (empty when all were answered in time). */
	readonly unanswered: SentQuestion[];
	readonly waitedMs: number;
}

/**
 * Waits until every question has at least one reply in its channel, or `timeoutMs` passed; never throws, so the test
 * can report exactly which questions were left unanswered (assert with `expectEachAnsweredOnce`).
 */
export async function waitForAnswers(platform: PlatformHarness, questions: readonly SentQuestion[], timeoutMs: number): Promise<AnswerWait> {
	const startedAt = Date.now();
	const channelIds = [...new Set(questions.map((question) => question.channelId))];
	for (;;) {
		const answered = new Set(collectReplies(platform, channelIds).map((reply) => `${reply.channelId}/${reply.token}`));
		const unanswered = questions.filter((question) => !answered.has(`${question.channelId}/${question.token}`));
		const waitedMs = Date.now() - startedAt;
		if (unanswered.length === 0 || waitedMs >= timeoutMs) return { unanswered, waitedMs };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
