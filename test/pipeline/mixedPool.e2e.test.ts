import type { TranscriptMessage } from '@charbot/discord-emulator';
import { variedLineFor, waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, seededUser, startPlatform } from './platformHarness.js';

// Every reply echoes its question's token, so each can be matched to its question.
const echoToken = {
	match: /tk-[a-z0-9]+/,
	reply: ({ lastUserMessage }: { lastUserMessage: string }) => variedLineFor(/tk-[a-z0-9]+/.exec(lastUserMessage)?.[0] ?? 'that'),
};
const characters = ['Peter', 'Stewie', 'Brian', 'Lois'];

let platform: PlatformHarness;

beforeAll(async () => {
	platform = await startPlatform({ simHosts: 1, openAiHosts: 1, sim: { scripts: [echoToken], numParallel: 2 } });
});
afterAll(async () => {
	await platform?.close();
});

describe('the platform on a mixed pool: an Ollama host and an OpenAI-compatible one', () => {
	it('answers every message exactly once, with both kinds of host serving replies, and no key in any log', async () => {
		const channelId = seededChannel(platform, 'general');
		await platform.updateSettings(channelId, { userCooldownSeconds: 0, channelCooldownSeconds: 0 });
		const users = ['alice', 'bob', 'carol'];
		const tokens = Array.from({ length: 18 }, (_, index) => `tk-mixed${String(index).padStart(2, '0')}`);
		for (const [index, token] of tokens.entries()) {
			platform.emulator.control.postMessage({
				channelId,
				authorId: seededUser(platform, users[index % users.length] ?? 'alice'),
				content: `${characters[index % characters.length]}, what do you think? ${token}`,
			});
		}
		const carrying = (token: string) => platform.botMessages(channelId).filter((message: TranscriptMessage) => message.content.includes(token));
		await waitFor(() => tokens.every((token) => carrying(token).length > 0), 'a reply to every message', 60_000);
		await platform.settled();
		expect(tokens.map((token) => carrying(token).length)).toEqual(tokens.map(() => 1));
		const [ollama, openAi] = platform.sims;
		expect(ollama?.stats().requests.byEndpoint['/api/chat'] ?? 0).toBeGreaterThan(0);
		expect(openAi?.stats().requests.byEndpoint['/v1/chat/completions'] ?? 0).toBeGreaterThan(0);
		const logs = [...platform.apps.values()].flatMap((app) => app.output).join('');
		expect(logs).not.toContain(String(platform.env.OPENAI_API_KEY));
	});
});
