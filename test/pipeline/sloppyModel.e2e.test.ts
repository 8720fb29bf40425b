import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, seededUser, startPlatform } from './platformHarness.js';
import { postedWithInjectedFailure, readCounter, runQuestions, tokenEchoScript } from './sloppyConversation.js';

const questions = 84;
let platform: PlatformHarness;

beforeAll(async () => {
	platform = await startPlatform({ sim: { sloppy: 0.3, scripts: [tokenEchoScript] } });
	for (const name of ['general', 'kitchen'])
		await platform.updateSettings(seededChannel(platform, name), { userCooldownSeconds: 0, channelCooldownSeconds: 0 });
});
afterAll(async () => {
	await platform?.close();
});

describe('quality control against a sloppy model', () => {
	it('posts none of the failures a 30 % sloppy model makes: repaired or regenerated, each question answered once at most', async () => {
		const outcome = await runQuestions(platform, {
			channels: [seededChannel(platform, 'general'), seededChannel(platform, 'kitchen')],
			members: [seededUser(platform, 'alice'), seededUser(platform, 'bob')],
			questions,
			perSecond: 20,
			timeoutMs: 90_000,
			settleMs: 1500,
		});
		const injected = platform.sim.stats().sloppy;
		// The simulator dealt every kind of failure, about one reply in three.
		expect(injected.injected).toBeGreaterThanOrEqual(questions * 0.25);
		expect(Object.keys(injected.byKind).length).toBe(12);
		expect(postedWithInjectedFailure(platform, outcome.posted).map(({ kind, message }) => `${kind}: ${message.content}`)).toEqual([]);
		// Wrappers were cut off and posted; the rest went back to the model with the reasons.
		expect(await readCounter(platform, 'quality-control', 'charbot_qc_reviews_total', { outcome: 'repaired' })).toBeGreaterThan(0);
		expect(await readCounter(platform, 'quality-control', 'charbot_qc_reviews_total', { outcome: 'regenerated' })).toBeGreaterThan(0);
		// Nothing twice; a question goes unanswered only when every attempt and the escalation failed review, rarely (the
		// model is sloppy three times in a row), and each such one is a counted rejection, not a lost message.
		const rejected = await readCounter(platform, 'quality-control', 'charbot_qc_reviews_total', { outcome: 'rejected' });
		expect({ twice: outcome.answeredTwice, never: outcome.unanswered }).toEqual({ twice: 0, never: rejected });
		expect(outcome.answeredOnce).toBeGreaterThanOrEqual(questions * 0.95);
		for (const message of outcome.posted) expect(message.mentionsPinged).toMatchObject({ everyone: false, roles: [] });
	}, 120_000);
});
