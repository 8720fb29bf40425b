import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, startPlatform } from './platformHarness.js';

// Each question carries its own token and the simulator echoes it, so a reply that answers someone
// else's question (shared state between handlers) is caught.
const echo = {
	match: /tk-[a-z0-9]+/,
	reply: ({ lastUserMessage }: { lastUserMessage: string }) =>
		`Ha! ${/tk-[a-z0-9]+/.exec(lastUserMessage)?.[0]}? That reminds me of the time I fought a giant chicken.`,
};

let platform: PlatformHarness;

beforeAll(async () => {
	platform = await startPlatform({ sim: { scripts: [echo], numParallel: 8, tokensPerSecond: 400 } });
});
afterAll(async () => {
	await platform?.close();
});

describe('a burst of questions', () => {
	it('50 mentions from 50 members across 5 channels get 50 replies, each answering its own question, none twice', async () => {
		const { control } = platform.emulator;
		const guildId = platform.emulator.seed?.guildId ?? '';
		const channels = Array.from({ length: 5 }, (_, index) => control.createChannel(guildId, { name: `burst-${index}` }).id);
		const members = Array.from({ length: 50 }, (_, index) => {
			const user = control.createUser({ username: `burst-member-${index}` });
			control.addMember(guildId, user.id);
			return user.id;
		});
		const asked = members.map((authorId, index) => {
			const token = `tk-b${index}x`;
			const channelId = channels[index % channels.length] as string;
			control.postMessage({ channelId, authorId, content: `Peter, what do you think about ${token}?` });
			return { token, channelId };
		});
		const replies = () =>
			channels.flatMap((channelId) =>
				platform
					.botMessages(channelId)
					.filter((message) => message.author.kind === 'webhook')
					.map((message) => ({ channelId, content: message.content })),
			);
		await waitFor(() => replies().length >= 50, '50 replies', 60_000);
		await platform.settled();
		const all = replies();
		expect(all).toHaveLength(50);
		for (const { token, channelId } of asked) {
			const answering = all.filter((reply) => reply.content.includes(`${token}?`));
			expect(answering, `answers to ${token}`).toHaveLength(1);
			expect(answering[0]?.channelId).toBe(channelId);
		}
	});
});
