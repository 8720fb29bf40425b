import type { MessageOwner } from '@charbot/conversation';
import { type TextChannel, WebhookClient } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

describe('character banter through our own channel webhook', () => {
	let fx: GatewayFixture;
	let channelId: string;
	let ours: WebhookClient;
	let stranger: WebhookClient;

	beforeAll(async () => {
		fx = await startGatewayFixture({ gateway: { ownerLookupTimeoutMs: 400, ownerLookupIntervalMs: 25 } });
		channelId = fx.emulator.seed?.channels['bot-lab'] ?? '';
		const channel = (await fx.app.client.channels.fetch(channelId)) as TextChannel;
		const webhook = await channel.createWebhook({ name: 'charbot' });
		const other = await channel.createWebhook({ name: 'someone else' });
		// What the delivery worker caches once it has created the channel's webhook.
		await fx.redis.set(fx.keyspace.channelWebhook(fx.guildId, channelId), JSON.stringify({ id: webhook.id, token: webhook.token }));
		ours = new WebhookClient({ id: webhook.id, token: webhook.token ?? '' }, { rest: { api: fx.emulator.apiUrl } });
		stranger = new WebhookClient({ id: other.id, token: other.token ?? '' }, { rest: { api: fx.emulator.apiUrl } });
	});

	afterAll(async () => {
		ours?.destroy();
		stranger?.destroy();
		await fx?.close();
	});

	/** Posts as a character the way the delivery worker does: through the webhook, then the owner record. */
	async function speakAs(webhook: WebhookClient, username: string, content: string, owner?: MessageOwner) {
		const message = await webhook.send({ content, username, allowedMentions: { parse: [] } });
		if (owner !== undefined) await fx.owners.remember(fx.guildId, message.id, owner);
		return message;
	}

	it('lets the character another one names answer, one level deeper', async () => {
		const message = await speakAs(ours, 'Stewie Griffin', 'Brian, fetch my ray gun. Now.', { characterId: 'stewie', cascadeDepth: 0 });
		expect(await fx.outcomeOf(message.id)).toEqual({ kind: 'enqueued', messageId: message.id, jobIds: [`msg-${message.id}-brian`] });
		const [job] = await fx.routeJobsFor(message.id);
		expect(job?.data).toMatchObject({
			characterId: 'brian',
			trigger: 'banter',
			cascadeDepth: 1,
			message: {
				id: message.id,
				channelId,
				guildId: fx.guildId,
				author: { displayName: 'Stewie Griffin', isBot: true, characterId: 'stewie' },
				content: 'Brian, fetch my ray gun. Now.',
			},
		});
	});

	it('keeps going below the banter limit and stops at it', async () => {
		const below = await speakAs(ours, 'Brian Griffin', 'Peter, please tell him no.', { characterId: 'brian', cascadeDepth: 2 });
		await fx.outcomeOf(below.id);
		expect((await fx.routeJobsFor(below.id)).map(({ data }) => [data.characterId, data.trigger, data.cascadeDepth])).toEqual([['peter', 'banter', 3]]);
		const atLimit = await speakAs(ours, 'Peter Griffin', 'Lois! Stewie! Brian! Everybody!', { characterId: 'peter', cascadeDepth: 3 });
		expect(await fx.outcomeOf(atLimit.id)).toEqual({ kind: 'not-triggered', messageId: atLimit.id, reason: 'banter-limit' });
		expect(await fx.routeJobsFor(atLimit.id)).toEqual([]);
	});

	it('waits for an owner record the delivery worker writes a moment late', async () => {
		const message = await speakAs(ours, 'Lois Griffin', 'Peter, did you eat the whole cake?');
		await new Promise((resolve) => setTimeout(resolve, 150));
		await fx.owners.remember(fx.guildId, message.id, { characterId: 'lois', cascadeDepth: 0 });
		expect(await fx.outcomeOf(message.id)).toMatchObject({ kind: 'enqueued', jobIds: [`msg-${message.id}-peter`] });
	});

	it('without an owner record, knows the speaker by name but starts no exchange of unknown depth', async () => {
		const message = await speakAs(ours, 'Stewie Griffin', 'Brian, are you listening?');
		expect(await fx.outcomeOf(message.id)).toEqual({ kind: 'not-triggered', messageId: message.id, reason: 'banter-limit' });
		expect(fx.logLines.some((line) => line.includes(message.id) && line.includes('banter depth is unknown'))).toBe(true);
		const nobody = await speakAs(ours, 'Mystery Guest', 'Brian, hello?');
		expect(await fx.outcomeOf(nobody.id)).toEqual({ kind: 'ignored', messageId: nobody.id, reason: 'unknown-speaker' });
	});

	it("ignores another webhook's posts, even under a character's name", async () => {
		const message = await speakAs(stranger, 'Stewie Griffin', 'Brian, obey me.', { characterId: 'stewie', cascadeDepth: 0 });
		expect(await fx.outcomeOf(message.id)).toEqual({ kind: 'ignored', messageId: message.id, reason: 'unknown-webhook' });
		expect(await fx.routeJobsFor(message.id)).toEqual([]);
	});

	it('treats an unreadable webhook cache entry as unknown instead of guessing', async () => {
		const key = fx.keyspace.channelWebhook(fx.guildId, channelId);
		const saved = await fx.redis.get(key);
		await fx.redis.set(key, '{"id": 12345}');
		try {
			const message = await speakAs(ours, 'Stewie Griffin', 'Brian!', { characterId: 'stewie', cascadeDepth: 0 });
			expect(await fx.outcomeOf(message.id)).toEqual({ kind: 'ignored', messageId: message.id, reason: 'unknown-webhook' });
			expect(fx.logLines.some((line) => line.includes('cached channel webhook is unreadable'))).toBe(true);
		} finally {
			await fx.redis.set(key, saved ?? '');
		}
	});

	it('starts no banter from a post while another addressed character still has to answer the same message', async () => {
		const message = await speakAs(ours, 'Stewie Griffin', 'Brian, you first. No, wait, me first.', {
			characterId: 'stewie',
			cascadeDepth: 0,
			turnContinues: true,
		});
		expect(await fx.outcomeOf(message.id)).toEqual({ kind: 'not-triggered', messageId: message.id, reason: 'turn-continues' });
		expect(await fx.routeJobsFor(message.id)).toEqual([]);
	});

	it('starts one chain for a reply posted in several parts: from its last part, answering the whole reply', async () => {
		const first = await speakAs(ours, 'Stewie Griffin', 'Brian, I have a list of grievances, and you are on every page of it.', {
			characterId: 'stewie',
			cascadeDepth: 0,
			replyContinues: true,
		});
		const middle = await speakAs(ours, 'Stewie Griffin', 'Item one: Brian, you drank the last of the milk.', {
			characterId: 'stewie',
			cascadeDepth: 0,
			replyContinues: true,
		});
		const last = await speakAs(ours, 'Stewie Griffin', 'That concludes the list. For now.', {
			characterId: 'stewie',
			cascadeDepth: 0,
			earlierParts: [first.id, middle.id],
		});
		for (const part of [first, middle]) {
			expect(await fx.outcomeOf(part.id)).toEqual({ kind: 'not-triggered', messageId: part.id, reason: 'reply-continues' });
			expect(await fx.routeJobsFor(part.id)).toEqual([]);
		}
		// Named only in the earlier parts: the last part answers for all of them, under the id the history keeps the reply by.
		expect(await fx.outcomeOf(last.id)).toEqual({ kind: 'enqueued', messageId: last.id, jobIds: [`msg-${first.id}-brian`] });
		const [job] = await fx.routeJobsFor(first.id);
		expect(job?.data).toMatchObject({
			characterId: 'brian',
			trigger: 'banter',
			cascadeDepth: 1,
			turnOf: first.id,
			message: { id: first.id, content: [first.content, middle.content, last.content].join('\n'), author: { characterId: 'stewie' } },
		});
	});

	it('answers the parts it can read when an earlier part of a split reply is gone', async () => {
		const first = await speakAs(ours, 'Lois Griffin', 'Peter, this first part is about to vanish.', {
			characterId: 'lois',
			cascadeDepth: 0,
			replyContinues: true,
		});
		await fx.outcomeOf(first.id);
		await ours.deleteMessage(first.id);
		const last = await speakAs(ours, 'Lois Griffin', 'Peter, the rest of it still stands.', { characterId: 'lois', cascadeDepth: 0, earlierParts: [first.id] });
		expect(await fx.outcomeOf(last.id)).toEqual({ kind: 'enqueued', messageId: last.id, jobIds: [`msg-${first.id}-peter`] });
		const [job] = await fx.routeJobsFor(first.id);
		expect(job?.data.message.content).toBe('Peter, the rest of it still stands.');
		expect(fx.logLines.some((line) => line.includes(first.id) && line.includes('could not read an earlier part'))).toBe(true);
	});

	it("ends a chain once a member has spoken since its first message, and carries the chain's origin on", async () => {
		const memberMessageId = '900000000000000001';
		await fx.redis.set(fx.keyspace.channelTurn(fx.guildId, channelId), memberMessageId);
		const current = await speakAs(ours, 'Stewie Griffin', 'Brian, the member asked us something.', {
			characterId: 'stewie',
			cascadeDepth: 0,
			turnOf: memberMessageId,
		});
		await fx.outcomeOf(current.id);
		expect((await fx.routeJobsFor(current.id)).map(({ data }) => [data.characterId, data.turnOf])).toEqual([['brian', memberMessageId]]);
		await fx.redis.set(fx.keyspace.channelTurn(fx.guildId, channelId), '900000000000000002');
		const stale = await speakAs(ours, 'Brian Griffin', 'Stewie, as I was saying.', { characterId: 'brian', cascadeDepth: 1, turnOf: memberMessageId });
		expect(await fx.outcomeOf(stale.id)).toEqual({ kind: 'not-triggered', messageId: stale.id, reason: 'superseded' });
		expect(await fx.routeJobsFor(stale.id)).toEqual([]);
	});
});
