import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, startPlatform } from './platformHarness.js';

// The reply names no character, or that character would answer it too.
const echo = {
	match: /tk-[a-z0-9]+/,
	reply: ({ lastUserMessage }: { lastUserMessage: string }) => `Oh, ${/tk-[a-z0-9]+/.exec(lastUserMessage)?.[0]}? Heh heh, that is a good one.`,
};

const shutdownSeconds = 10;
const questions = 12;

let platform: PlatformHarness;

beforeAll(async () => {
	// Slow generation keeps jobs in flight when the signal lands; short locks let a restarted worker take over any left active.
	platform = await startPlatform({
		sim: { scripts: [echo], tokensPerSecond: 8, numParallel: 8 },
		env: { WORKER_LOCK_SECONDS: '2', WORKER_CONCURRENCY: '4', SHUTDOWN_TIMEOUT: String(shutdownSeconds) },
	});
});
afterAll(async () => {
	await platform?.close();
});

describe('SIGTERM during load', () => {
	it(`loses no accepted job: ${questions} questions, SIGTERM to the router, quality control and delivery mid-load, ${questions} replies, each once`, async () => {
		const { control } = platform.emulator;
		const guildId = platform.emulator.seed?.guildId ?? '';
		const channels = Array.from({ length: 3 }, (_, index) => control.createChannel(guildId, { name: `sigterm-${index}` }).id);
		const asked = Array.from({ length: questions }, (_, index) => {
			const user = control.createUser({ username: `sigterm-member-${index}` });
			control.addMember(guildId, user.id);
			const token = `tk-s${index}x`;
			const channelId = channels[index % channels.length] as string;
			control.postMessage({ channelId, authorId: user.id, content: `Peter, what do you make of ${token}?` });
			return { token, channelId };
		});
		const replies = () =>
			channels.flatMap((channelId) =>
				platform
					.botMessages(channelId)
					.filter((message) => message.author.kind === 'webhook')
					.map((message) => ({ channelId, content: message.content })),
			);

		await waitFor(() => platform.sim.stats().inFlight >= 2, 'generations in flight', 20_000);
		expect(replies().length, 'replies before the signal').toBeLessThan(questions);
		const [router, quality, delivery] = await Promise.all([
			platform.stopApp('message-router'),
			platform.stopApp('quality-control'),
			platform.stopApp('delivery'),
		]);
		const bound = shutdownSeconds * 1000 + 2000;
		expect(router, `message-router exit\n${platform.apps.get('message-router')?.output.join('').slice(-3000)}`).toMatchObject({ code: 0, signal: null });
		expect(quality, `quality-control exit\n${platform.apps.get('quality-control')?.output.join('').slice(-3000)}`).toMatchObject({ code: 0, signal: null });
		expect(delivery, `delivery exit\n${platform.apps.get('delivery')?.output.join('').slice(-3000)}`).toMatchObject({ code: 0, signal: null });
		expect(router.elapsedMs).toBeLessThan(bound);
		expect(quality.elapsedMs).toBeLessThan(bound);
		expect(delivery.elapsedMs).toBeLessThan(bound);

		await Promise.all([platform.startApp('message-router'), platform.startApp('quality-control'), platform.startApp('delivery')]);
		await waitFor(() => replies().length >= questions, `${questions} replies`, 90_000);
		// A duplicate would come after the last first reply, from a job still in the queues.
		await platform.settled();
		const all = replies();
		expect(all, JSON.stringify(all, null, 1)).toHaveLength(questions);
		for (const { token, channelId } of asked) {
			const answering = all.filter((reply) => reply.content.includes(`${token}?`));
			expect(answering, `answers to ${token}`).toHaveLength(1);
			expect(answering[0]?.channelId).toBe(channelId);
		}
	}, 180_000);
});
