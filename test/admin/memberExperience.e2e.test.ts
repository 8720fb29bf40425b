import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelHistory } from '@charbot/stores';
import { createRedisConnection, Keyspace, resolveFromRoot, waitForRedisReady } from '@charbot/core';
import type { TranscriptMessage } from '@charbot/discord-emulator';
import { variedLineFor, waitFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, startPlatform } from '../pipeline/platformHarness.js';
import { answerOf, answerText } from './slashCommands.js';

// Every prompt the simulator receives is kept by the token its question carries.
const prompts = new Map<string, { role: string; content: string }[]>();
const capture = {
	match: /tk-[a-z0-9]+/,
	reply: ({ lastUserMessage, messages }: { lastUserMessage: string; messages: { role: string; content: string }[] }) => {
		const token = /tk-[a-z0-9]+/.exec(lastUserMessage)?.[0] ?? 'none';
		prompts.set(token, messages);
		return variedLineFor(token);
	},
};

// The apps load (and /characters import writes) a copy of the cast, never `characters/` itself.
let dir: string;
let platform: PlatformHarness;
let redis: Redis;
let general: string;
let kitchen: string;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'charbot-e2e-cast-'));
	await cp(resolveFromRoot('characters'), dir, { recursive: true });
	platform = await startPlatform({ sim: { scripts: [capture] }, env: { CHARACTERS_DIR: dir } });
	general = seededChannel(platform, 'general');
	kitchen = seededChannel(platform, 'kitchen');
	redis = createRedisConnection({ url: platform.redis.url, role: 'producer' });
	await waitForRedisReady(redis);
	const lifted = await answerOf(platform.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'cooldown', value: '0' } });
	expect(answerText(lifted)).toMatch(/^\*\*cooldown\*\* is now \*\*0 s\*\*/);
}, 60_000);
afterAll(async () => {
	redis?.disconnect();
	await platform?.close();
	if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** Posts as a seeded member in a channel and waits for the one bot message carrying `token`. */
async function say(channelId: string, user: string, content: string, token: string): Promise<TranscriptMessage> {
	platform.emulator.control.postMessage({ channelId, authorId: platform.emulator.seed?.users[user] ?? '', content: `${content} ${token}` });
	const carrying = () =>
		platform.botMessages(channelId).filter((message) => `${message.content} ${String(message.embeds[0]?.description ?? '')}`.includes(token));
	await waitFor(() => carrying().length > 0, `a reply carrying ${token}`, 30_000);
	return carrying()[0] as TranscriptMessage;
}

const systemPromptOf = (token: string) => prompts.get(token)?.find((message) => message.role === 'system')?.content ?? '';

describe('greetings when a character joins a channel', () => {
	it('posts the persona greeting once, through the webhook in the character’s name, pinging nobody', async () => {
		const added = await answerOf(platform.emulator, {
			user: 'erin',
			name: 'channel',
			group: 'characters',
			sub: 'add',
			options: { character: 'stewie' },
			channel: 'kitchen',
		});
		expect(answerText(added)).toMatch(/^\*\*Stewie Griffin\*\* now answers in this channel\..* \*\*Stewie Griffin\*\* says hello\./);
		const fromStewie = () => platform.botMessages(kitchen).filter((message) => message.author.displayName === 'Stewie Griffin');
		await waitFor(() => fromStewie().length > 0, 'Stewie’s greeting', 20_000);
		const [greeting] = fromStewie();
		expect(greeting).toMatchObject({
			content: 'Ah. Visitors. Do wipe your feet; this nursery is the nerve centre of a future global empire.',
			author: { kind: 'webhook', avatarUrl: expect.stringMatching(/^https:/) },
			mentionsPinged: { everyone: false, users: [], roles: [] },
		});
		// The characters see it in the channel history like any of their lines.
		const history = new ChannelHistory(redis, new Keyspace(platform.prefix));
		await waitFor(
			async () => (await history.recent(platform.emulator.seed?.guildId ?? null, kitchen, { limit: 5 })).some((entry) => entry.characterId === 'stewie'),
			'the greeting in the history',
		);

		const again = await answerOf(platform.emulator, {
			user: 'erin',
			name: 'channel',
			group: 'characters',
			sub: 'add',
			options: { character: 'stewie' },
			channel: 'kitchen',
		});
		expect(answerText(again)).toBe('**Stewie Griffin** already answers in this channel.');
		await platform.settled();
		expect(fromStewie()).toHaveLength(1);
	});

	it('greets with an imported card’s first message, macros substituted, once every process loaded it', async () => {
		const card = {
			spec: 'chara_card_v2',
			spec_version: '2.0',
			data: {
				name: 'Captain Nemo',
				description: '{{char}} commands the submarine Nautilus.',
				personality: '',
				scenario: '',
				first_mes: 'Welcome aboard the Nautilus, {{user}}. {{char}} does not take passengers lightly.',
				mes_example: '',
				creator_notes: '',
				system_prompt: '',
				post_history_instructions: '',
				alternate_greetings: [],
				tags: [],
				creator: '',
				character_version: '1',
				extensions: {},
			},
		};
		const imported = await answerOf(platform.emulator, {
			user: 'erin',
			name: 'characters',
			sub: 'import',
			attachments: { card: { filename: 'nemo.json', contentType: 'application/json', data: Buffer.from(JSON.stringify(card)) } },
		});
		expect(answerText(imported)).toMatch(/^Imported \*\*Captain Nemo\*\* \(`captain-nemo`\)/);
		const added = await answerOf(platform.emulator, {
			user: 'erin',
			name: 'channel',
			group: 'characters',
			sub: 'add',
			options: { character: 'captain-nemo' },
			channel: 'kitchen',
		});
		expect(answerText(added)).toMatch(/says hello/);
		const fromNemo = () => platform.botMessages(kitchen).filter((message) => message.author.displayName === 'Captain Nemo');
		await waitFor(() => fromNemo().length > 0, 'Nemo’s greeting', 20_000);
		expect(fromNemo()[0]?.content).toBe('Welcome aboard the Nautilus, Erin. Captain Nemo does not take passengers lightly.');
	});
});

describe('a member’s own persona in the prompt', () => {
	it('names the member by their persona and gives the character their description as quoted data', async () => {
		const set = await answerOf(platform.emulator, {
			user: 'alice',
			name: 'persona',
			sub: 'set',
			options: { name: 'Captain Al', description: 'A retired sea captain who loves jazz.' },
		});
		expect(answerText(set)).toMatch(/^Done: the characters now know you here as \*\*Captain Al\*\*/);
		await say(general, 'alice', 'Peter, what do you think of me?', 'tk-p1');
		const system = systemPromptOf('tk-p1');
		expect(system).toContain('How Captain Al, who wrote the last message, describes themselves.');
		expect(system).toContain(JSON.stringify('A retired sea captain who loves jazz.'));
		expect(prompts.get('tk-p1')?.at(-2)).toMatchObject({ role: 'user', content: expect.stringMatching(/^Captain Al: Peter, what do you think of me\?/) });

		await answerOf(platform.emulator, { user: 'alice', name: 'persona', sub: 'clear' });
		await say(general, 'alice', 'Peter, and now?', 'tk-p2');
		expect(systemPromptOf('tk-p2')).not.toContain('Captain Al');
		expect(prompts.get('tk-p2')?.at(-2)).toMatchObject({ role: 'user', content: expect.stringMatching(/^Alice: Peter, and now\?/) });
	}, 60_000);
});

describe('direct messages', () => {
	it('answer as the bot with an embed authored by the character, never a "**Name**:" prefix', async () => {
		const dm = platform.emulator.seed?.dmChannelId ?? '';
		const reply = await say(dm, 'alice', 'Stewie, what are you building?', 'tk-dm');
		expect(reply.author.kind).toBe('bot');
		expect(reply.content).toBe('');
		expect(reply.embeds).toHaveLength(1);
		expect(reply.embeds[0]).toMatchObject({
			author: { name: 'Stewie Griffin', icon_url: expect.stringMatching(/^https:/) },
			description: expect.stringContaining('tk-dm'),
		});
		expect(String(reply.embeds[0]?.description)).not.toMatch(/\*\*Stewie Griffin\*\*/);
	});
});
