import { ChannelHistory, RegenerateButtonId } from '@charbot/stores';
import { createLogger, createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import type { TranscriptMessage } from '@charbot/discord-emulator';
import { variedLineFor, waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, seededUser, startPlatform } from './platformHarness.js';

let platform: PlatformHarness;
/** What the model was sent for each question, in order. */
const prompts: { role: string; content: string }[][] = [];
let takes = 0;
let doomedCalls = 0;

beforeAll(async () => {
	platform = await startPlatform({
		sim: {
			scripts: [
				{
					// The first answer is fine; every later one is one that review always rejects.
					match: /doomed-regen/,
					reply: () => (doomedCalls++ === 0 ? variedLineFor('doomed-first') : 'As an AI language model, I cannot pretend to be a character.'),
				},
				{
					match: /boat-regen/,
					reply: ({ messages }) => {
						prompts.push(messages.map(({ role, content }) => ({ role, content })));
						takes += 1;
						return variedLineFor(`boat-take-${takes}`);
					},
				},
			],
		},
	});
});
afterAll(async () => {
	await platform?.close();
});

const buttonsOf = (message: TranscriptMessage | undefined) =>
	(message?.components ?? []).flatMap((row) => ((row.components as Record<string, unknown>[] | undefined) ?? []).map((button) => button.custom_id));

describe('a member regenerates a reply', () => {
	it('clicking 🔄 edits the reply in place with a different answer; the channel and its history keep one reply', async () => {
		const channelId = seededChannel(platform, 'general');
		const alice = seededUser(platform, 'alice');
		const asked = platform.emulator.control.postMessage({ channelId, authorId: alice, content: 'Peter, what is the boat made of? boat-regen' });
		const repliesTo = () => platform.botMessages(channelId).filter((message) => message.content.includes('boat-take'));
		await waitFor(() => repliesTo().length > 0, 'the first reply', 20_000);
		const [first] = repliesTo() as [TranscriptMessage];
		expect(first.author).toMatchObject({ displayName: 'Peter Griffin', kind: 'webhook' });
		expect(buttonsOf(first)).toEqual([RegenerateButtonId]);

		const click = platform.emulator.control.clickComponent({ channelId, messageId: first.id, userId: alice, customId: RegenerateButtonId });
		const current = () => platform.emulator.control.transcript(channelId).find((message) => message.id === first.id);
		await waitFor(() => current()?.content !== first.content, 'the reply to be edited', 20_000);
		expect(platform.emulator.control.interactionResponses(click.id)).toMatchObject({ state: 'deferredUpdate', followUps: [] });

		const edited = current() as TranscriptMessage;
		expect(edited.content).toMatch(/boat-take-2/);
		expect(edited.editedTimestamp).not.toBeNull();
		expect(edited.author).toMatchObject({ displayName: 'Peter Griffin', kind: 'webhook' });
		expect(buttonsOf(edited)).toEqual([RegenerateButtonId]);
		// The model was told what not to say again, and saw no earlier answer of its own as said.
		expect(prompts).toHaveLength(2);
		const regeneration = prompts[1] ?? [];
		// The old reply reaches the model only as quoted data in the user turn of rejected attempts, never as instructions
		// or as an answer of its own.
		const oldReply = first.content.slice(0, 60);
		const notes = regeneration.filter((message) => message.role === 'user' && message.content.includes('the member asked for a different answer'));
		expect(notes).toHaveLength(1);
		expect(notes[0]?.content).toContain(oldReply);
		expect(regeneration.filter((message) => message.content.includes(oldReply))).toEqual(notes);

		await platform.settled();
		// One reply in the channel: edited, not reposted, and no notice.
		expect(repliesTo().map((message) => message.id)).toEqual([first.id]);
		expect(platform.botMessages(channelId).filter((message) => message.replyTo === asked.id)).toEqual([]);

		const redis = createRedisConnection({ url: platform.redis.url, role: 'producer', logger: createLogger({ name: 'test', level: 'silent', format: 'json' }) });
		try {
			await waitForRedisReady(redis);
			const history = new ChannelHistory(redis, new Keyspace(platform.prefix));
			const answers = (await history.conversationAt(platform.emulator.seed?.guildId ?? null, channelId, asked.id)).answers;
			expect(answers.map((entry) => [entry.messageId, entry.content])).toEqual([[first.id, edited.content]]);
		} finally {
			redis.disconnect();
		}
	}, 60_000);

	it('when no good new answer comes, the old reply stays and the member gets the no-good-answer notice', async () => {
		const channelId = seededChannel(platform, 'kitchen');
		const bob = seededUser(platform, 'bob');
		const asked = platform.emulator.control.postMessage({ channelId, authorId: bob, content: 'Peter, say something nice. doomed-regen' });
		const replies = () => platform.botMessages(channelId).filter((message) => message.content.includes('doomed-first'));
		await waitFor(() => replies().length > 0, 'the first reply', 20_000);
		const [first] = replies() as [TranscriptMessage];

		platform.emulator.control.clickComponent({ channelId, messageId: first.id, userId: bob, customId: RegenerateButtonId });
		const notices = () => platform.botMessages(channelId).filter((message) => message.replyTo === asked.id);
		await waitFor(() => notices().length > 0, 'the no-good-answer notice', 40_000).catch((error: Error) => {
			const logs = [...platform.apps.values()].map(
				(app) =>
					`--- ${app.name}\n${app.output
						.join('')
						.split('\n')
						.filter((line) => line.includes('regen') || line.includes('"level":50') || line.includes('"level":40'))
						.join('\n')
						.slice(-6000)}`,
			);
			throw new Error(`${error.message}\n${logs.join('\n')}`);
		});
		await platform.settled();
		expect(notices()).toHaveLength(1);
		expect(notices()[0]?.content).toMatch(/Peter Griffin couldn't come up with a good answer/);
		const kept = platform.emulator.control.transcript(channelId).find((message) => message.id === first.id);
		expect(kept).toMatchObject({ content: first.content, editedTimestamp: null });
		expect(buttonsOf(kept)).toEqual([RegenerateButtonId]);
		expect(platform.botMessages(channelId).filter((message) => message.content.includes('As an AI'))).toEqual([]);

		// Told there was no good answer, the member may try again at once: the hold of the failed regeneration is released.
		const retry = platform.emulator.control.clickComponent({ channelId, messageId: first.id, userId: bob, customId: RegenerateButtonId });
		await waitFor(() => notices().length > 1, 'the second no-good-answer notice', 40_000);
		expect(platform.emulator.control.interactionResponses(retry.id).followUps).toEqual([]);
		expect(platform.emulator.control.transcript(channelId).find((message) => message.id === first.id)?.content).toBe(first.content);
	}, 90_000);
});
