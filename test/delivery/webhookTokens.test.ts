import { Keyspace, ManualClock } from '@charbot/core';
import { buildJobData, deliverJobId, QueueName } from '@charbot/contracts';
import { uniquePrefix } from '@charbot/testkit';
import { Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChannelWebhooks } from '../../apps/delivery/src/delivery/ChannelWebhooks.js';
import { WebhookTokenSeal } from '../../apps/delivery/src/delivery/WebhookTokenSeal.js';
import { webhookObjectSchema } from '../../apps/delivery/src/delivery/discordSchemas.js';
import {
	deliverJob,
	type MessagePlace,
	type RunningQc,
	settledJob,
	type SharedParts,
	startQc,
	startSharedParts,
	seededPlace,
} from '../quality-control/qcHarness.js';

const week = 7 * 24 * 3600;
let parts: SharedParts;
let place: MessagePlace;
let running: RunningQc;
const seal = WebhookTokenSeal.withRandomKey();

beforeAll(async () => {
	parts = await startSharedParts();
	place = seededPlace(parts, 'kitchen');
	running = await startQc(parts, { webhookTokenSeal: seal });
});
afterAll(async () => {
	await running?.close();
	await parts?.close();
});

/** The channel's webhooks as Discord lists them to the bot, tokens included. */
async function discordWebhooks(channelId: string) {
	return z.array(webhookObjectSchema).parse(await parts.rest.get(Routes.channelWebhooks(channelId)));
}

async function deliverOne(text: string): Promise<string> {
	const job = deliverJob(place, text);
	const jobId = deliverJobId(job.jobKey);
	await running.deliverQueue.add('deliver', buildJobData(QueueName.Deliver, job), { attempts: 2, backoff: { type: 'fixed', delay: 50 }, jobId });
	const settled = await settledJob(running.deliverQueue, jobId);
	expect(await settled.getState()).toBe('completed');
	const [messageId] = settled.returnvalue.messageIds as string[];
	const posted = parts.emulator.control.transcript(place.channelId).find((message) => message.id === messageId);
	return posted?.webhookId ?? 'no webhook';
}

/** Every string value in the whole Redis, to look for a token in clear. */
async function everyValue(): Promise<string[]> {
	const values: string[] = [];
	for (const key of await parts.producer.keys('*')) {
		const type = await parts.producer.type(key);
		if (type === 'string') values.push((await parts.producer.get(key)) ?? '');
		if (type === 'set') values.push(...(await parts.producer.smembers(key)));
		if (type === 'hash') values.push(...Object.values(await parts.producer.hgetall(key)));
		if (type === 'list') values.push(...(await parts.producer.lrange(key, 0, -1)));
	}
	return values;
}

describe('channel webhook tokens in Redis', () => {
	it('keeps the id where the gateway reads it and the token only sealed, under a key apart, both expiring', async () => {
		const webhookId = await deliverOne('Sealed tokens, heh heh.');
		const { keys } = running;
		const token = (await discordWebhooks(place.channelId)).find((webhook) => webhook.id === webhookId)?.token ?? '';
		expect(token.length).toBeGreaterThan(20);

		expect(await parts.producer.get(keys.channelWebhook(place.guildId, place.channelId))).toBe(webhookId);
		const tokenKey = keys.channelWebhookToken(place.guildId, place.channelId);
		expect(tokenKey.startsWith(`${keys.prefix}:`)).toBe(false);
		const sealed = (await parts.producer.get(tokenKey)) ?? '';
		expect(sealed).not.toContain(token);
		expect(seal.open(sealed, tokenKey)).toEqual({ ok: true, webhookId, token });
		expect(await parts.producer.smembers(keys.guildWebhookChannels(place.guildId))).toEqual([place.channelId]);
		expect((await everyValue()).some((value) => value.includes(token))).toBe(false);
		for (const key of [keys.channelWebhook(place.guildId, place.channelId), tokenKey, keys.guildWebhookChannels(place.guildId)]) {
			const ttl = await parts.producer.ttl(key);
			expect(ttl, key).toBeGreaterThan(week - 60);
			expect(ttl, key).toBeLessThanOrEqual(week);
		}
	});

	it('serves a webhook from memory for memoryMs, then reads Redis again, starting the expiry again', async () => {
		const { keys } = running;
		const guildId = place.guildId ?? '';
		const cached = [keys.channelWebhook(guildId, place.channelId), keys.channelWebhookToken(guildId, place.channelId)];
		const clock = new ManualClock(Date.now());
		const webhooks = new ChannelWebhooks({ rest: parts.rest, redis: parts.producer, keys, logger: parts.logger, seal, memoryMs: 60_000, clock });
		const first = await webhooks.get(guildId, place.channelId);
		for (const key of cached) await parts.producer.expire(key, 30);
		clock.advance(59_000);
		expect(await webhooks.get(guildId, place.channelId)).toEqual(first);
		for (const key of cached) expect(await parts.producer.ttl(key), `${key} untouched while in memory`).toBeLessThanOrEqual(30);
		clock.advance(1000);
		expect(await webhooks.get(guildId, place.channelId)).toEqual(first);
		for (const key of cached) expect(await parts.producer.ttl(key), key).toBeGreaterThan(week - 60);
		// Discord called it unknown: the next use reads Redis at once.
		await webhooks.forget(guildId, place.channelId, first);
		expect(await parts.producer.exists(...cached)).toBe(0);
		expect(await webhooks.get(guildId, place.channelId)).toEqual(first);
		expect(await parts.producer.exists(...cached), 'found among the channel webhooks again and cached').toBe(2);
	});

	it('seals a token cached in clear by an earlier version the next time the channel is used', async () => {
		const { keys } = running;
		const idKey = keys.channelWebhook(place.guildId, place.channelId);
		const tokenKey = keys.channelWebhookToken(place.guildId, place.channelId);
		const webhookId = await deliverOne('Before the upgrade.');
		const token = (await discordWebhooks(place.channelId)).find((webhook) => webhook.id === webhookId)?.token ?? '';
		await parts.producer.del(tokenKey);
		await parts.producer.set(idKey, JSON.stringify({ id: webhookId, token }));

		// The upgraded process, which has no webhook in memory yet.
		const upgraded = new ChannelWebhooks({ rest: parts.rest, redis: parts.producer, keys, logger: parts.logger, seal });
		expect((await upgraded.get(place.guildId ?? '', place.channelId)).id).toBe(webhookId);
		expect(await parts.producer.get(idKey)).toBe(webhookId);
		expect(seal.open((await parts.producer.get(tokenKey)) ?? '', tokenKey)).toMatchObject({ ok: true, token });
		expect((await everyValue()).some((value) => value.includes(token))).toBe(false);
	});

	it('fetches the webhook from Discord again when the token was sealed with another key, making no new one', async () => {
		const keys = new Keyspace(uniquePrefix('wh'));
		const options = { rest: parts.rest, redis: parts.producer, keys, logger: parts.logger };
		const first = await new ChannelWebhooks({ ...options, seal: WebhookTokenSeal.withRandomKey() }).get(place.guildId ?? '', place.channelId);
		const before = (await discordWebhooks(place.channelId)).length;
		// A restart without WEBHOOK_TOKEN_KEY, or a rotated key.
		const restarted = new ChannelWebhooks({ ...options, seal: WebhookTokenSeal.withRandomKey() });
		expect(await restarted.get(place.guildId ?? '', place.channelId)).toEqual(first);
		expect((await discordWebhooks(place.channelId)).length).toBe(before);
		expect(parts.logs.some((line) => String(line.msg).startsWith('a cached channel webhook token does not open'))).toBe(true);
	});

	it('does not open a sealed token moved under another channel', async () => {
		const keys = new Keyspace(uniquePrefix('wh'));
		const sealed = seal.seal('a-webhook-token-of-some-length', '100000000000000001', keys.channelWebhookToken(place.guildId, place.channelId));
		expect(seal.open(sealed, keys.channelWebhookToken(place.guildId, '100000000000000002'))).toMatchObject({ ok: false, reason: 'wrong-key-or-tampered' });
	});
});
