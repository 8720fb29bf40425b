import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, seededUser, startPlatform } from './platformHarness.js';

const echo = {
	match: /tk-[a-z0-9]+/,
	reply: ({ lastUserMessage }: { lastUserMessage: string }) => `Sure, ${/tk-[a-z0-9]+/.exec(lastUserMessage)?.[0]}, whatever you say. Heh heh.`,
};

let platform: PlatformHarness;

beforeAll(async () => {
	// Slow generation gives the test time to kill a worker mid-job; short locks make the retry quick.
	platform = await startPlatform({ sim: { scripts: [echo], tokensPerSecond: 4 }, env: { WORKER_LOCK_SECONDS: '2' } });
});
afterAll(async () => {
	await platform?.close();
});

function carrying(channelId: string, token: string) {
	return platform.botMessages(channelId).filter((message) => message.content.includes(token));
}

describe('failures in the pipeline', () => {
	it('a message router killed with SIGKILL mid-job still leads to exactly one reply', async () => {
		const general = seededChannel(platform, 'general');
		platform.emulator.control.postMessage({ channelId: general, authorId: seededUser(platform, 'alice'), content: 'Peter, are you there? tk-kill' });
		await waitFor(() => platform.sim.stats().inFlight > 0, 'the generation to start', 10_000);
		await platform.killApp('message-router');
		await platform.startApp('message-router');
		await waitFor(() => carrying(general, 'tk-kill').length > 0, 'the reply after the crash', 40_000);
		await platform.settled();
		expect(carrying(general, 'tk-kill')).toHaveLength(1);
	}, 90_000);

	it('a gateway that loses its connection and resumes does not answer twice', async () => {
		const kitchen = seededChannel(platform, 'kitchen');
		platform.emulator.control.postMessage({ channelId: kitchen, authorId: seededUser(platform, 'bob'), content: 'Peter, quick question tk-resume' });
		platform.emulator.control.dropSockets({});
		platform.emulator.control.postMessage({ channelId: kitchen, authorId: seededUser(platform, 'carol'), content: 'Peter, and another tk-resume2' });
		const first = () => platform.botMessages(kitchen).filter((message) => /tk-resume\b(?!2)/.test(message.content));
		await waitFor(() => carrying(kitchen, 'tk-resume2').length > 0 && first().length > 0, 'both replies', 40_000);
		await platform.settled();
		expect(carrying(kitchen, 'tk-resume2')).toHaveLength(1);
		expect(first()).toHaveLength(1);
		expect(platform.emulator.control.stats().gateway.resumes).toBeGreaterThanOrEqual(1);
	}, 90_000);
});
