import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, startPlatform } from '../pipeline/platformHarness.js';
import { createLoadAudience } from './load/createLoadAudience.js';
import { describeQuestionJobs } from './load/describeQuestionJobs.js';
import { echoQuestionScript } from './load/echoQuestionScript.js';
import { expectEachAnsweredOnce } from './load/expectEachAnsweredOnce.js';
import { keepKillingApps } from './load/keepKillingApps.js';
import { sendQuestions } from './load/sendQuestions.js';
import { waitForAnswers } from './load/waitForAnswers.js';

/** Prints a figure of the run (vitest shows it beside the test). */
const report = (line: string) => process.stdout.write(`${line}\n`);

let platform: PlatformHarness;

beforeAll(async () => {
	// Slowish generation keeps jobs in flight when a worker dies; 5 s locks bring a dead worker's jobs back quickly.
	platform = await startPlatform({ sim: { scripts: [echoQuestionScript], tokensPerSecond: 150 }, env: { WORKER_LOCK_SECONDS: '5' } });
});
afterAll(async () => {
	await platform?.close();
});

describe('workers killed under load', () => {
	it('200 questions while the message router, quality control and delivery are SIGKILLed in turn: each answered exactly once', async () => {
		const audience = await createLoadAudience(platform, { tag: 'kills', channels: 6, members: 30 });
		const kills = keepKillingApps(platform, { apps: ['message-router', 'quality-control', 'delivery'], minPauseMs: 2000, maxPauseMs: 4000 });
		const questions = await sendQuestions(platform, audience, { tag: 'kills', count: 200, durationMs: 20_000 });
		// Keep crashing a little longer: the backlog is still being worked through.
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const killed = await kills.stop();
		const loadEndedAt = Date.now();

		const wait = await waitForAnswers(platform, questions, 90_000);
		report(
			`workerKills: ${killed.length} kills (${killed.map((kill) => `${kill.app} ${kill.restartMs} ms`).join(', ')}); ` +
				`last answer ${Date.now() - loadEndedAt} ms after the kills stopped, ${wait.unanswered.length} unanswered`,
		);
		if (wait.unanswered.length > 0) report(`unanswered:\n${(await describeQuestionJobs(platform, wait.unanswered)).join('\n')}`);
		// Late duplicates (a stalled job run again) would come after the last first answer.
		await new Promise((resolve) => setTimeout(resolve, 8000));
		expect(killed.filter((kill) => kill.app === 'message-router').length).toBeGreaterThanOrEqual(2);
		expect(killed.filter((kill) => kill.app === 'quality-control').length).toBeGreaterThanOrEqual(1);
		expectEachAnsweredOnce(platform, questions);
	});
});
