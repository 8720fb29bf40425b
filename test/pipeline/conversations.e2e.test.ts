import type { TranscriptMessage } from '@charbot/discord-emulator';
import { variedLineFor, waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, seededUser, startPlatform } from './platformHarness.js';

// The simulator echoes the token of each question, so every reply can be matched to its question.
const echoToken = {
	match: /tk-[a-z0-9]+/,
	reply: ({ lastUserMessage }: { lastUserMessage: string }) => variedLineFor(/tk-[a-z0-9]+/.exec(lastUserMessage)?.[0] ?? 'that'),
};

let platform: PlatformHarness;
const dmChannel = () => platform.emulator.seed?.dmChannelId ?? '';

beforeAll(async () => {
	platform = await startPlatform({ sim: { scripts: [echoToken] } });
});
afterAll(async () => {
	await platform?.close();
});

/** Waits for the reply carrying `token`, then makes sure no second one follows. */
async function replyTo(channelId: string, token: string): Promise<TranscriptMessage> {
	const carrying = () => platform.botMessages(channelId).filter((message) => message.content.includes(token));
	await waitFor(() => carrying().length > 0, `a reply carrying ${token}`, 20_000);
	await new Promise((resolve) => setTimeout(resolve, 1500));
	const replies = carrying();
	expect(replies, `exactly one reply for ${token}`).toHaveLength(1);
	return replies[0] as TranscriptMessage;
}

describe('a member talks to the characters', () => {
	let peterMessageId = '';

	it('a bot mention gets one reply from the default character, in its own name, through a webhook', async () => {
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'general'),
			authorId: seededUser(platform, 'alice'),
			content: `<@${platform.emulator.botUser.id}> hi there tk-mention`,
		});
		const reply = await replyTo(seededChannel(platform, 'general'), 'tk-mention');
		expect(reply.author).toMatchObject({ displayName: 'Peter Griffin', kind: 'webhook' });
		expect(reply.author.avatarUrl).toMatch(/^https:\/\//);
		peterMessageId = reply.id;
	});

	it('a name call gets that character', async () => {
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'general'),
			authorId: seededUser(platform, 'bob'),
			content: "Stewie, what's the plan? tk-name",
		});
		expect((await replyTo(seededChannel(platform, 'general'), 'tk-name')).author.displayName).toBe('Stewie Griffin');
	});

	it('a reply to a character reaches that character', async () => {
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'general'),
			authorId: seededUser(platform, 'carol'),
			content: 'are you sure about that? tk-reply',
			replyTo: peterMessageId,
		});
		expect((await replyTo(seededChannel(platform, 'general'), 'tk-reply')).author.displayName).toBe('Peter Griffin');
	});

	it('an active channel gets one character chiming in', async () => {
		await platform.updateSettings(seededChannel(platform, 'kitchen'), { mode: 'active', talkativeness: 5 });
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'kitchen'),
			authorId: seededUser(platform, 'alice'),
			content: 'anyone around for lunch? tk-active',
		});
		const reply = await replyTo(seededChannel(platform, 'kitchen'), 'tk-active');
		expect(reply.author.kind).toBe('webhook');
	});

	it('a DM gets one reply from the bot naming the character', async () => {
		platform.emulator.control.postMessage({ channelId: dmChannel(), authorId: seededUser(platform, 'alice'), content: 'hey, you around? tk-dm' });
		const reply = await replyTo(dmChannel(), 'tk-dm');
		expect(reply.author.kind).toBe('bot');
		expect(reply.content).toContain('Peter Griffin');
	});

	it('a member in a mention-only channel who names nobody gets no reply', async () => {
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'general'),
			authorId: seededUser(platform, 'dana'),
			content: 'just talking to myself tk-silent',
		});
		await new Promise((resolve) => setTimeout(resolve, 2500));
		expect(platform.botMessages(seededChannel(platform, 'general')).filter((message) => message.content.includes('tk-silent'))).toEqual([]);
	});
});

describe('characters talking to each other', () => {
	it('banter goes back and forth and stops at the cascade limit (3 by default)', async () => {
		let turn = 0;
		platform.sim.addScript({
			match: /banter-time/,
			reply: ({ messages }) => {
				turn += 1;
				const speaker = messages.find((message) => message.role === 'system')?.content.startsWith('You are Peter Griffin') ? 'peter' : 'other';
				// Each turn words its line anew: review fails a character repeating its own last line with one word changed.
				const peterLines = [
					'Stewie! Get a load of this',
					'Hey Stewie, guess who found the cookie jar',
					'Stewie, the pool guy says hi',
					'Stewie, wanna see me burp the alphabet',
				];
				const stewieLines = [
					'Peter, you absolute oaf',
					'Peter, I have drafted a formal complaint',
					'Peter, your incompetence is almost impressive',
					'Peter, do go away',
				];
				const lines = speaker === 'peter' ? peterLines : stewieLines;
				return `${lines[turn % lines.length]}, banter-time number ${turn}.`;
			},
		});
		const channelId = seededChannel(platform, 'bot-lab');
		platform.emulator.control.postMessage({ channelId, authorId: seededUser(platform, 'erin'), content: 'Peter, go pick a fight with the baby. banter-time' });
		const lines = () => platform.botMessages(channelId).filter((message) => message.content.includes('banter-time'));
		await waitFor(() => lines().length >= 4, 'four lines of banter', 30_000);
		await new Promise((resolve) => setTimeout(resolve, 4000));
		expect(lines().map((message) => message.author.displayName)).toEqual(['Peter Griffin', 'Stewie Griffin', 'Peter Griffin', 'Stewie Griffin']);
	}, 60_000);
});
