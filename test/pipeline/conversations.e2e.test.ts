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

/** The text a member reads: the content, or the description of the character's embed (DMs, /ask). */
const textOf = (message: TranscriptMessage) => `${message.content}\n${message.embeds.map((embed) => String(embed.description ?? '')).join('\n')}`;

/** Waits for the reply carrying `token`, then makes sure no second one follows. */
async function replyTo(channelId: string, token: string): Promise<TranscriptMessage> {
	const carrying = () => platform.botMessages(channelId).filter((message) => textOf(message).includes(token));
	await waitFor(() => carrying().length > 0, `a reply carrying ${token}`, 20_000);
	await platform.settled();
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
		// alice asked in #general a moment ago, and the member cooldown spans the guild: it must not hold this one back.
		await platform.updateSettings(seededChannel(platform, 'kitchen'), { mode: 'active', talkativeness: 5, userCooldownSeconds: 0 });
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'kitchen'),
			authorId: seededUser(platform, 'alice'),
			content: 'anyone around for lunch? tk-active',
		});
		const reply = await replyTo(seededChannel(platform, 'kitchen'), 'tk-active');
		expect(reply.author.kind).toBe('webhook');
	});

	it('a DM gets one reply from the bot, authored by the character in an embed, with no name prefix', async () => {
		platform.emulator.control.postMessage({ channelId: dmChannel(), authorId: seededUser(platform, 'alice'), content: 'hey, you around? tk-dm' });
		const reply = await replyTo(dmChannel(), 'tk-dm');
		expect(reply.author.kind).toBe('bot');
		expect(reply.embeds[0]).toMatchObject({ author: { name: 'Peter Griffin' } });
		expect(reply.content).not.toContain('**Peter Griffin**');
	});

	it('a member in a mention-only channel who names nobody gets no reply', async () => {
		const notTriggered = () => platform.metric('gateway', 'charbot_gateway_messages_total{outcome="not-triggered"}');
		const before = await notTriggered();
		platform.emulator.control.postMessage({
			channelId: seededChannel(platform, 'general'),
			authorId: seededUser(platform, 'dana'),
			content: 'just talking to myself tk-silent',
		});
		await waitFor(async () => (await notTriggered()) > before, 'the gateway to see the message and ask nobody');
		await platform.settled();
		expect(platform.botMessages(seededChannel(platform, 'general')).filter((message) => message.content.includes('tk-silent'))).toEqual([]);
	});
});

describe('a settings change', () => {
	it('applies to the very next message, in the gateway and in the router, though each keeps the settings it read', async () => {
		const limits: string[] = [];
		platform.sim.addScript({
			match: /setting-probe-/,
			reply: ({ messages, lastUserMessage }) => {
				limits.push(/under (\d+) characters/.exec(messages.map((message) => message.content).join('\n'))?.[1] ?? 'none');
				return variedLineFor(/setting-probe-\w+/.exec(lastUserMessage)?.[0] ?? 'that');
			},
		});
		const channelId = platform.emulator.control.createChannel(platform.emulator.seed?.guildId ?? '', { name: 'settings-lab' }).id;
		const ask = (token: string) =>
			platform.emulator.control.postMessage({ channelId, authorId: seededUser(platform, 'erin'), content: `Peter, well? ${token}` });
		await platform.updateSettings(channelId, { userCooldownSeconds: 0, channelCooldownSeconds: 0, maxReplyChars: 1200 });
		// Every app reads (and keeps) this channel's settings for the first message.
		ask('setting-probe-first');
		await replyTo(channelId, 'setting-probe-first');

		await platform.updateSettings(channelId, { maxReplyChars: 1234 });
		ask('setting-probe-longer');
		await replyTo(channelId, 'setting-probe-longer');
		expect(limits).toEqual(['1200', '1234']);

		const notTriggered = () => platform.metric('gateway', 'charbot_gateway_messages_total{outcome="not-triggered"}');
		const before = await notTriggered();
		await platform.updateSettings(channelId, { mode: 'off' });
		ask('setting-probe-off');
		await waitFor(async () => (await notTriggered()) > before, 'the gateway to see the message and ask nobody');
		await platform.settled();
		expect(platform.botMessages(channelId).filter((message) => message.content.includes('setting-probe-off'))).toEqual([]);
		expect(limits).toHaveLength(2);
	}, 60_000);
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
		await platform.settled();
		expect(lines().map((message) => message.author.displayName)).toEqual(['Peter Griffin', 'Stewie Griffin', 'Peter Griffin', 'Stewie Griffin']);
	}, 60_000);

	it('characters addressed together answer in turn, each seeing the answers before it, and banter on as one chain', async () => {
		const prompts = new Map<string, string[]>();
		let line = 0;
		platform.sim.addScript({
			match: /pair-talk/,
			reply: ({ messages }) => {
				const system = messages.find((message) => message.role === 'system')?.content ?? '';
				const speaker = system.startsWith('You are Stewie') ? 'stewie' : system.startsWith('You are Brian') ? 'brian' : 'other';
				prompts.set(speaker, [...(prompts.get(speaker) ?? []), messages.map((message) => message.content).join('\n')]);
				line += 1;
				// Each names the other, so every post could start banter; only one chain may follow.
				return speaker === 'stewie' ? `Brian, ${variedLineFor(`pair-talk-${line}`)}` : `Stewie, ${variedLineFor(`pair-talk-${line}`)}`;
			},
		});
		const channelId = seededChannel(platform, 'kitchen');
		platform.emulator.control.postMessage({
			channelId,
			authorId: seededUser(platform, 'carol'),
			content: 'Stewie and Brian, what do you think of each other? pair-talk',
		});
		const posts = () => platform.botMessages(channelId).filter((message) => message.content.includes('pair-talk'));
		// The two addressed, then banter up to the limit of 3: five posts, where two parallel chains made eight.
		await waitFor(() => posts().length >= 5, 'the turn and its banter', 40_000);
		await platform.settled();
		const speakers = posts().map((message) => message.author.displayName);
		expect(speakers).toHaveLength(5);
		expect(new Set(speakers.slice(0, 2))).toEqual(new Set(['Stewie Griffin', 'Brian Griffin']));
		for (const [index, speaker] of speakers.entries()) if (index > 0) expect(speaker, `post ${index} by a new speaker`).not.toBe(speakers[index - 1]);
		const texts = posts().map((message) => message.content);
		expect(new Set(texts).size).toBe(texts.length);
		// The second character's first prompt already holds the first one's answer.
		const [first, second] = posts();
		const secondId = second?.author.displayName === 'Stewie Griffin' ? 'stewie' : 'brian';
		expect(prompts.get(secondId)?.[0]).toContain(first?.content.replace(/^\w+, /, '').slice(0, 40));
	}, 90_000);
});

describe('a message nobody could answer well', () => {
	it('gets one short notice replying to it, pinging nobody, instead of silence', async () => {
		platform.sim.addScript({ match: /hopeless-case/, reply: 'As an AI language model, I cannot pretend to be a character.' });
		const channelId = seededChannel(platform, 'general');
		const asked = platform.emulator.control.postMessage({ channelId, authorId: seededUser(platform, 'bob'), content: 'Peter, say something. hopeless-case' });
		const notices = () => platform.botMessages(channelId).filter((message) => message.replyTo === asked.id);
		await waitFor(() => notices().length > 0, 'the no-good-answer notice', 40_000);
		await platform.settled();
		expect(notices()).toHaveLength(1);
		expect(notices()[0]?.content).toMatch(/Peter Griffin couldn't come up with a good answer/);
		expect(notices()[0]?.mentionsPinged).toMatchObject({ everyone: false, users: [], roles: [] });
		expect(platform.botMessages(channelId).filter((message) => message.content.includes('As an AI'))).toEqual([]);
	}, 60_000);
});
