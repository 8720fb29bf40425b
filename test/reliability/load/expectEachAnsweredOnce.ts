import { expect } from 'vitest';
import type { PlatformHarness } from '../../pipeline/platformHarness.js';
import { collectReplies } from './collectReplies.js';
import type { SentQuestion } from './SentQuestion.js';
import { tallyAnswers } from './tallyAnswers.js';

/**
 * Asserts what members see in the questions' channels: each question answered exactly once, in its own channel, and no
 * reply that answers nothing asked. `tolerated` questions may be answered once or not at all (see `tallyAnswers`).
 */
export function expectEachAnsweredOnce(platform: PlatformHarness, questions: readonly SentQuestion[], tolerated: readonly SentQuestion[] = []): void {
	const channelIds = [...new Set([...questions, ...tolerated].map((question) => question.channelId))];
	const tally = tallyAnswers(questions, collectReplies(platform, channelIds), tolerated);
	expect(tally, `replies to ${questions.length} questions`).toEqual({ missing: [], duplicated: [], misplaced: [], unexpected: [] });
}
