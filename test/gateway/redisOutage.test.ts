import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutageApologyText } from '../../apps/gateway/src/intake/OutageApology.js';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

/** The gateway's `charbot_gateway_held_messages` gauge as scraped now. */
async function heldGauge(fx: GatewayFixture): Promise<number> {
	const metric = await fx.app.registry.getSingleMetric('charbot_gateway_held_messages')?.get();
	return metric?.values[0]?.value ?? Number.NaN;
}

/** Takes Redis away and waits until the gateway's connection noticed. */
async function stopRedis(fx: GatewayFixture): Promise<void> {
	await fx.redisServer.stop();
	await waitFor(() => fx.app.redis.status !== 'ready', "the gateway's Redis connection to drop");
}

const failedLines = (fx: GatewayFixture) => fx.logLines.filter((line) => line.includes('failed; no character was asked to answer it'));

describe('messages sent while Redis is down are held and handled once it is back', () => {
	let fx: GatewayFixture;

	beforeAll(async () => {
		fx = await startGatewayFixture({ redis: { appendOnly: true }, gateway: { heldRetryMaxDelayMs: 1000 } });
	});

	afterAll(async () => {
		await fx?.close();
	});

	it('enqueues each held message exactly once, in its channel order, records it in the history, and tells nobody off', async () => {
		const chat = await fx.newChannel('outage-chat', { userCooldownSeconds: 0 });
		const other = await fx.newChannel('outage-other', { userCooldownSeconds: 0 });
		const members = ['ann', 'bob', 'cid'].map((name) => fx.newMember(name));
		const before = fx.post(chat, members[0] ?? '', 'Stewie, are you there before the outage?');
		expect(await fx.outcomeOf(before.id)).toMatchObject({ kind: 'enqueued' });

		await stopRedis(fx);
		// The same member twice: the second try of the first message must not run into the cooldown it started itself.
		const posted = [
			fx.post(chat, members[0] ?? '', 'Stewie, first question while Redis is down'),
			fx.post(chat, members[1] ?? '', 'Stewie, second question while Redis is down'),
			fx.post(other, members[2] ?? '', 'Stewie, a question in another channel'),
			fx.post(chat, members[2] ?? '', 'Stewie, third question while Redis is down'),
		];
		await waitFor(async () => (await heldGauge(fx)) === posted.length, 'the gateway to hold the messages', 10_000);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await heldGauge(fx)).toBe(posted.length);
		expect(failedLines(fx)).toEqual([]);

		await fx.redisServer.start();
		for (const message of posted) {
			expect(await fx.outcomeOf(message.id, 20_000)).toEqual({ kind: 'enqueued', messageId: message.id, jobIds: [`msg-${message.id}-stewie`] });
			expect((await fx.routeJobsFor(message.id)).map(({ id }) => id)).toEqual([`msg-${message.id}-stewie`]);
		}
		expect(await heldGauge(fx)).toBe(0);
		const chatIds = (await fx.history.recent(fx.guildId, chat)).map((entry) => entry.messageId);
		expect(chatIds.filter((id) => id !== before.id)).toEqual([posted[0]?.id, posted[1]?.id, posted[3]?.id]);
		expect((await fx.history.recent(fx.guildId, other)).map((entry) => entry.messageId)).toEqual([posted[2]?.id]);
		expect(failedLines(fx)).toEqual([]);
		for (const channelId of [chat, other]) expect(fx.emulator.control.transcript(channelId).filter((message) => message.fromBot)).toEqual([]);
	});
});

describe('messages held longer than the gateway waits for Redis', () => {
	let fx: GatewayFixture;

	beforeAll(async () => {
		fx = await startGatewayFixture({ redis: { appendOnly: true }, gateway: { heldMessageMaxAgeMs: 1500, heldRetryMaxDelayMs: 500 } });
	});

	afterAll(async () => {
		await fx?.close();
	});

	it('are given up with one reply per channel and minute, pinging only the member replied to', async () => {
		const busy = await fx.newChannel('given-up', { userCooldownSeconds: 0 });
		const quiet = await fx.newChannel('given-up-too', { userCooldownSeconds: 0 });
		const members = ['dee', 'eve', 'fay'].map((name) => fx.newMember(name));
		await stopRedis(fx);
		const posted = [
			fx.post(busy, members[0] ?? '', 'Stewie, will you answer this?'),
			fx.post(busy, members[1] ?? '', 'Stewie, and this?'),
			fx.post(quiet, members[2] ?? '', 'Stewie, over here?'),
		];
		const apologies = (channelId: string) => fx.emulator.control.transcript(channelId).filter((message) => message.fromBot);
		await waitFor(() => apologies(busy).length > 0 && apologies(quiet).length > 0, 'the apologies', 15_000);
		for (const message of posted) expect(await fx.outcomeOf(message.id)).toMatchObject({ kind: 'failed', error: expect.stringContaining('waiting for Redis') });

		const [busyApology] = apologies(busy);
		expect(busyApology).toMatchObject({ replyTo: posted[0]?.id, author: { kind: 'bot' }, mentionsPinged: { everyone: false, users: [members[0]], roles: [] } });
		expect(busyApology?.content).toBe(`${OutageApologyText} (Same for <@${members[1]}>.)`);
		expect(apologies(quiet)).toEqual([expect.objectContaining({ replyTo: posted[2]?.id, content: OutageApologyText })]);

		// Still down, within the minute: this one is given up too, but the channel gets no second reply.
		const later = fx.post(busy, members[2] ?? '', 'Stewie, still nobody?');
		expect(await fx.outcomeOf(later.id, 15_000)).toMatchObject({ kind: 'failed' });
		await fx.app.settled();
		expect(apologies(busy)).toHaveLength(1);

		await fx.redisServer.start();
		await waitFor(() => fx.app.redis.status === 'ready', "the gateway's Redis connection to come back");
		const afterwards = fx.post(busy, members[0] ?? '', 'Stewie, are you back?');
		expect(await fx.outcomeOf(afterwards.id, 10_000)).toMatchObject({ kind: 'enqueued' });
		for (const message of [...posted, later]) expect(await fx.routeJobsFor(message.id)).toEqual([]);
	});
});
