import { waitFor } from '@charbot/testkit';
import type { PlatformHarness } from '../../pipeline/platformHarness.js';
import { readGatewayOutcomes } from './readGatewayOutcomes.js';
import type { SentQuestion } from './SentQuestion.js';

/** The questions the gateway enqueued (accepted) and those whose handling failed (refused). */
export interface GatewayVerdicts {
	readonly accepted: SentQuestion[];
	readonly refused: SentQuestion[];
}

/** Waits until the gateway has logged an outcome for every question, then sorts them by it. */
export async function awaitGatewayOutcomes(platform: PlatformHarness, questions: readonly SentQuestion[], timeoutMs: number): Promise<GatewayVerdicts> {
	await waitFor(() => questions.every((question) => readGatewayOutcomes(platform).has(question.messageId)), 'the gateway to log every outcome', timeoutMs);
	const outcomes = readGatewayOutcomes(platform);
	return {
		accepted: questions.filter((question) => outcomes.get(question.messageId) === 'enqueued'),
		refused: questions.filter((question) => outcomes.get(question.messageId) !== 'enqueued'),
	};
}
