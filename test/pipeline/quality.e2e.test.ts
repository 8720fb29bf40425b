import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFromRoot } from '@charbot/core';
import type { TranscriptMessage } from '@charbot/discord-emulator';
import type { SimScript } from '@charbot/ollama-sim';
import { variedLineFor, waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, seededUser, startPlatform } from './platformHarness.js';

const chatModel = 'llama3.2:1b';
const escalationModel = 'llama3.1:8b';
const escalationPrompts: string[] = [];
// Varied sentences: one template repeated 62 times would be a loop, which review rightly fails. The token comes every
// fifth sentence, so each part of the split reply carries it.
const storyParts = {
	openers: [
		'So then',
		'Next thing I know',
		'Anyway',
		'And get this',
		'Later that night',
		'Meanwhile',
		'Right after that',
		'Out of nowhere',
		'Long story short',
		'Believe it or not',
		'The very next day',
	],
	who: [
		'Bruce',
		'the boss',
		'Opie',
		'a guy from the bowling league',
		'Herbert',
		'my cousin Rusty',
		'the mailman',
		'a lady with a parrot',
		'the fire chief',
		'some kid on a scooter',
		'the weatherman',
		'Mort',
		'a clown',
	],
	did: [
		'spilled',
		'stole',
		'painted',
		'sold',
		'hid',
		'lost',
		'found',
		'raced',
		'named',
		'ate',
		'insured',
		'juggled',
		'hugged',
		'sued',
		'repaired',
		'buried',
		'launched',
	],
	what: [
		'a keg',
		'my lunch',
		'the forklift',
		'a goat',
		'the company van',
		'three hundred pretzels',
		'a canoe',
		'the mayor',
		'a hot tub',
		'my bowling ball',
		'the vending machine',
		'a parade float',
		'the fire alarm',
		'a wedding cake',
		'the town clock',
		'a bag of crabs',
		'the lawnmower',
		'a tuba',
		'my recliner',
	],
	where: [
		'behind the Drunken Clam',
		'in broad daylight',
		'during the church picnic',
		'while my wife was at yoga',
		'on live television',
		'in the middle of a thunderstorm',
		'at the county fair',
		'right outside the brewery',
		'in front of the whole PTA',
		'at three in the morning',
		'on a dare from the boss',
		'under a full moon',
		'at the car wash',
		'in the hospital parking lot',
		'on the Fourth of July',
		'next to the duck pond',
		'at my own birthday party',
		'halfway up a water tower',
		'during a blackout',
		"in the neighbour's pool",
		'at the mall food court',
		'on the night bus',
		'behind the bowling alley',
	],
};
const pick = (words: readonly string[], index: number) => words[index % words.length] as string;
const longReply = Array.from({ length: 70 }, (_, index) => {
	const { openers, who, did, what, where } = storyParts;
	return `${pick(openers, index)}, ${pick(who, index)} ${pick(did, index)} ${pick(what, index)} ${pick(where, index)}${index % 5 === 0 ? ', tk-long' : ''}.`;
}).join(' ');

// Stewie is named in the first and the last part of this split reply: before a reply started banter once, each part did.
const sagaForStewie = Array.from({ length: 40 }, (_, index) => {
	const { openers, who, did, what, where } = storyParts;
	const named = index % 8 === 0 ? ', Stewie, saga-time' : '';
	return `${pick(openers, index + 4)}, ${pick(who, index + 7)} ${pick(did, index + 2)} ${pick(what, index + 9)} ${pick(where, index + 5)}${named}.`;
}).join(' ');
let sagaAnswers = 0;
const sagaAnswerPrompts: string[] = [];

const scripts: SimScript[] = [
	{ match: /tk-oops/, reply: 'As an AI language model, I cannot pretend to be anyone.', times: 1 },
	{ match: /tk-stubborn/, model: chatModel, reply: 'As an AI language model, I must decline to answer that.' },
	{
		match: /tk-stubborn/,
		model: escalationModel,
		reply: ({ messages }) => {
			escalationPrompts.push(messages.map((message) => message.content).join('\n'));
			return 'Alright, alright, about tk-stubborn: the answer is beer. Heh heh heh.';
		},
	},
	{ match: /tk-long/, reply: longReply },
	{
		match: /saga-time/,
		reply: ({ messages }) => {
			if (messages.find((message) => message.role === 'system')?.content.startsWith('You are Peter Griffin')) return sagaForStewie;
			sagaAnswers += 1;
			sagaAnswerPrompts.push(messages.map((message) => message.content).join('\n'));
			// Names nobody, so the chain ends with this answer.
			// A fresh answer each time, so review would pass a second chain's too.
			return `Spare me the saga, you oaf. ${variedLineFor(`saga-answer-${sagaAnswers}`)}`;
		},
	},
	{ match: /tk-ping/, reply: 'Hey @everyone and @here, come look at tk-ping, it is amazing!', times: 1 },
	{ match: /tk-[a-z0-9]+/, reply: ({ lastUserMessage }) => `Okay, okay, about ${/tk-[a-z0-9]+/.exec(lastUserMessage)?.[0]}, here is the deal.` },
];

let platform: PlatformHarness;

beforeAll(async () => {
	const dir = mkdtempSync(join(tmpdir(), 'charbot-roles-'));
	const rolesFile = join(dir, 'roles.yaml');
	writeFileSync(rolesFile, `roles:\n  chat: { model: "${chatModel}" }\n  judge: { model: "${chatModel}" }\n  escalation: { model: "${escalationModel}" }\n`);
	// Peter may write long replies in this test's cast, so a 5,000-character generation is not cut at his usual length.
	const cast = join(dir, 'characters');
	cpSync(resolveFromRoot('characters'), cast, { recursive: true });
	const peter = join(cast, 'peter.yaml');
	writeFileSync(peter, readFileSync(peter, 'utf8').replace(/maxTokens: \d+/, 'maxTokens: 2000'));
	platform = await startPlatform({
		sim: { models: [chatModel, escalationModel], scripts },
		env: { OLLAMA_ROLES_FILE: rolesFile, QC_MAX_ATTEMPTS: '2', CHARACTERS_DIR: cast },
	});
	// Long replies are allowed here so the 5,000-character one reaches delivery and gets split; bob asks one question
	// right after the other, as soon as the pipeline is idle, so no member cooldown stands between them.
	await platform.updateSettings(seededChannel(platform, 'general'), { maxReplyChars: 6000, userCooldownSeconds: 0 });
});
afterAll(async () => {
	await platform?.close();
});

function ask(content: string): void {
	platform.emulator.control.postMessage({ channelId: seededChannel(platform, 'general'), authorId: seededUser(platform, 'bob'), content });
}

async function repliesCarrying(token: string, count = 1): Promise<TranscriptMessage[]> {
	const carrying = () => platform.botMessages(seededChannel(platform, 'general')).filter((message) => message.content.includes(token));
	await waitFor(() => carrying().length >= count, `${count} message(s) carrying ${token}`, 25_000);
	await platform.settled();
	return carrying();
}

describe('quality control in the pipeline', () => {
	it('rejects an out-of-character reply, regenerates, and posts only the good one', async () => {
		ask('Peter, what are you doing? tk-oops');
		const replies = await repliesCarrying('tk-oops');
		expect(replies).toHaveLength(1);
		expect(replies[0]?.content).toContain('here is the deal');
		const all = platform.botMessages(seededChannel(platform, 'general'));
		expect(all.some((message) => /language model/i.test(message.content))).toBe(false);
	});

	it('escalates after repeated failures, passing the failed attempts and reasons on', async () => {
		ask('Peter, what is the meaning of life? tk-stubborn');
		const replies = await repliesCarrying('tk-stubborn');
		expect(replies).toHaveLength(1);
		expect(replies[0]?.content).toContain('the answer is beer');
		expect(platform.sim.stats().requests.byModel[escalationModel]).toBeGreaterThanOrEqual(1);
		const prompt = escalationPrompts.at(-1) ?? '';
		expect(prompt.match(/was rejected because/g)?.length).toBe(2);
		expect(prompt).toContain('As an AI language model, I must decline');
	});

	it('delivers a 5,000-character reply as several messages under 2,000', async () => {
		ask('Peter, tell me the whole story. tk-long');
		const parts = await repliesCarrying('tk-long', 3);
		expect(parts.length).toBeGreaterThanOrEqual(3);
		for (const part of parts) expect(part.content.length).toBeLessThanOrEqual(2000);
		expect(
			parts
				.map((part) => part.content)
				.join(' ')
				.replace(/\s+/g, ' '),
		).toBe(longReply.replace(/\s+/g, ' '));
		expect(new Set(parts.map((part) => part.author.displayName))).toEqual(new Set(['Peter Griffin']));
	});

	it('starts one banter chain from a split reply, however many of its parts name a character', async () => {
		const channelId = platform.emulator.control.createChannel(platform.emulator.seed?.guildId ?? '', { name: 'sagas' }).id;
		await platform.updateSettings(channelId, { maxReplyChars: 6000 });
		platform.emulator.control.postMessage({ channelId, authorId: seededUser(platform, 'bob'), content: 'Peter, tell us the whole saga. saga-time' });
		const by = (name: string) => platform.botMessages(channelId).filter((message) => message.author.displayName === name);
		await waitFor(() => by('Stewie Griffin').length > 0, "Stewie's answer to the split reply", 30_000);
		await platform.settled();
		const peterParts = by('Peter Griffin');
		expect(peterParts.length).toBeGreaterThanOrEqual(2);
		for (const part of peterParts) expect(part.content).toContain('Stewie');
		expect(by('Stewie Griffin').map((message) => message.content)).toEqual([`Spare me the saga, you oaf. ${variedLineFor('saga-answer-1')}`]);
		expect(platform.botMessages(channelId)).toHaveLength(peterParts.length + 1);
		// Stewie answered the whole reply, which his prompt holds once: its first part and its last.
		const [firstPart, lastPart] = [peterParts[0]?.content ?? '', peterParts.at(-1)?.content ?? ''];
		for (const part of [firstPart, lastPart]) expect(sagaAnswerPrompts[0]?.split(part.slice(-60)).length, part.slice(-60)).toBe(2);
	});

	it('repairs a reply that would shout @everyone, and nothing posted pings @everyone, @here or roles', async () => {
		ask('Peter, call everybody! tk-ping');
		const [reply] = await repliesCarrying('tk-ping');
		expect(reply?.content).not.toMatch(/@everyone|@here/);
		for (const message of platform.botMessages(seededChannel(platform, 'general'))) {
			expect(message.mentionsPinged).toMatchObject({ everyone: false, roles: [] });
		}
	});
});
