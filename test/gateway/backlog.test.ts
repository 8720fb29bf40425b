import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BacklogNoteText } from '../../apps/gateway/src/backlog/BacklogNotice.js';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

describe('the backlog note when the route queue is long', () => {
	let fx: GatewayFixture;
	let botMention: string;

	beforeAll(async () => {
		fx = await startGatewayFixture({ gateway: { backlogThreshold: 5, backlogRefreshMs: 50 } });
		botMention = `<@${fx.emulator.botUser.id}>`;
	});

	afterAll(async () => {
		await fx?.close();
	});

	const notes = (channelId: string) => fx.emulator.control.transcript(channelId).filter((message) => message.content === BacklogNoteText);
	const typingRequests = () => fx.emulator.control.stats().rest.requestsByRoute['POST /channels/:channelId/typing'] ?? 0;

	it('posts no note while the backlog is under the threshold', async () => {
		const channelId = await fx.newChannel('calm');
		const typedBefore = typingRequests();
		const posted = fx.post(channelId, fx.newMember('early'), `${botMention} hi`);
		expect(await fx.outcomeOf(posted.id)).toMatchObject({ kind: 'enqueued' });
		// Typing and the note run side by side, as the gateway's side work; once it settled the note had its chance too.
		await waitFor(() => typingRequests() > typedBefore, 'the typing request');
		await fx.app.settled();
		expect(notes(channelId)).toEqual([]);
	});

	it('posts one note per channel, pinging nobody, while the backlog is over the threshold', async () => {
		await fx.queue.addBulk(Array.from({ length: 6 }, (_, index) => ({ name: 'filler', data: { index } })));
		expect(await fx.queue.getJobCountByTypes('waiting', 'prioritized')).toBeGreaterThan(5);
		await new Promise((resolve) => setTimeout(resolve, 60));

		const busy = await fx.newChannel('busy');
		const posted = ['one', 'two', 'three'].map((name) => fx.post(busy, fx.newMember(name), `${botMention} are you there, ${name}?`));
		for (const message of posted) expect(await fx.outcomeOf(message.id)).toMatchObject({ kind: 'enqueued' });
		await waitFor(() => notes(busy).length > 0, 'the backlog note');
		await fx.app.settled();
		const [note, ...more] = notes(busy);
		expect(more).toEqual([]);
		expect(note).toMatchObject({ fromBot: true, author: { kind: 'bot' }, mentionsPinged: { everyone: false, users: [], roles: [] } });

		const other = await fx.newChannel('also-busy');
		const elsewhere = fx.post(other, fx.newMember('four'), `${botMention} hello?`);
		await fx.outcomeOf(elsewhere.id);
		await waitFor(() => notes(other).length === 1, 'the note of the second channel');
		expect(notes(busy)).toHaveLength(1);
	});

	it('does not treat its own note as a message to answer', async () => {
		const busy = fx.emulator.control.findChannel('busy', fx.guildId).id;
		const [note] = notes(busy);
		expect(await fx.outcomeOf(note?.id ?? '')).toEqual({ kind: 'ignored', messageId: note?.id, reason: 'own-message' });
		expect((await fx.history.recent(fx.guildId, busy)).map((entry) => entry.content)).not.toContain(BacklogNoteText);
	});
});
