import { DeliveryLedger } from '../../apps/delivery/src/ledger/DeliveryLedger.js';
import { buildJobData, deliverJobId, QueueName } from '@charbot/contracts';
import type { TranscriptMessage } from '@charbot/discord-emulator';
import { Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let parts: SharedParts;
let guild: MessagePlace;
let dm: MessagePlace;
let running: RunningQc;

beforeAll(async () => {
	parts = await startSharedParts();
	guild = seededPlace(parts, 'kitchen');
	dm = seededPlace(parts, 'dm');
	running = await startQc(parts);
});
afterAll(async () => {
	await running?.close();
	await parts?.close();
});

const quick = { attempts: 3, backoff: { type: 'fixed', delay: 50 } } as const;

/** Adds a deliver job and waits for it to settle; returns it with the transcript messages it posted. */
async function deliver(job: ReturnType<typeof deliverJob>, jobId = deliverJobId(job.jobKey)) {
	await running.deliverQueue.add('deliver', buildJobData(QueueName.Deliver, job), { ...quick, jobId });
	const settled = await settledJob(running.deliverQueue, jobId);
	const ids: string[] = settled.returnvalue?.messageIds ?? [];
	const transcript = ids.length === 0 ? [] : parts.emulator.control.transcript(job.message.channelId);
	const messages = ids.map((id) => transcript.find((message) => message.id === id)).filter((message): message is TranscriptMessage => message !== undefined);
	return { settled, messages, transcript };
}

function longReply(length: number, punctuated: boolean): string {
	const words: string[] = [];
	for (let index = 0; words.join(' ').length < length; index += 1) words.push(punctuated && index % 12 === 11 ? `canoe${index}.` : `canoe${index}`);
	return words.join(' ').slice(0, length).trim();
}

describe('delivery worker', () => {
	it('splits a 5,000-character reply into messages under 2,000 that join back to the original', async () => {
		for (const punctuated of [true, false]) {
			const text = longReply(5000, punctuated);
			const { settled, messages } = await deliver(deliverJob(guild, text));
			expect(await settled.getState()).toBe('completed');
			expect(messages.length).toBeGreaterThanOrEqual(3);
			for (const message of messages) {
				expect(message.content.length).toBeLessThan(2000);
				expect(message.author).toMatchObject({ kind: 'webhook', displayName: 'Peter Griffin' });
			}
			expect(messages.map((message) => message.content).join(' ')).toBe(text);
			if (punctuated) for (const message of messages.slice(0, -1)) expect(message.content).toMatch(/\.$/);
		}
	});

	it('pings nobody for @everyone, @here or a role, only the member answered', async () => {
		const seed = parts.emulator.seed;
		const text = `Hey @everyone and @here, <@&${seed?.roles.moderators}> and <@${guild.authorId}> and <@${seed?.users.bob}>: boat party!`;
		const { messages } = await deliver(deliverJob(guild, text));
		expect(messages).toHaveLength(1);
		expect(messages[0]?.content).toBe(text);
		expect(messages[0]?.mentionsPinged).toEqual({ everyone: false, users: [guild.authorId], roles: [] });
	});

	it('posts each part once when the same reply is delivered again under a new job id', async () => {
		const job = deliverJob(guild, `${longReply(2500, true)} once-only-${Date.now()}`);
		const first = await deliver(job);
		expect(first.settled.returnvalue).toMatchObject({ posted: 2, skipped: 0 });
		const again = await deliver(job, `${job.jobKey}-again`);
		expect(again.settled.returnvalue).toEqual({ messageIds: first.settled.returnvalue.messageIds, posted: 0, skipped: 2 });
		const tail = job.text.slice(-30);
		expect(again.transcript.filter((message) => message.content.endsWith(tail))).toHaveLength(1);
		expect(running.deliveryCounters.snapshot().partsSkipped).toBeGreaterThanOrEqual(2);
	});

	it('resumes after a crash that followed part 1: only the missing part is posted', async () => {
		const job = deliverJob(guild, longReply(3000, true));
		await new DeliveryLedger(parts.producer, running.keys).record(job.message.guildId, job.jobKey, 0, '100000000000000042');
		const { settled, messages } = await deliver(job);
		expect(settled.returnvalue).toMatchObject({ posted: 1, skipped: 1 });
		expect(settled.returnvalue.messageIds[0]).toBe('100000000000000042');
		expect(messages).toHaveLength(1);
		expect(job.text.endsWith(messages[0]?.content ?? 'missing')).toBe(true);
	});

	it('recreates a deleted webhook (10015) and delivers', async () => {
		await deliver(deliverJob(guild, 'Warm-up so the webhook is cached.'));
		const key = running.keys.channelWebhook(guild.guildId, guild.channelId);
		const old = { id: (await parts.producer.get(key)) ?? 'missing' };
		await parts.rest.delete(Routes.webhook(old.id));

		const { settled, messages } = await deliver(deliverJob(guild, 'Who took my webhook? Heh heh.'));
		// One attempt (BullMQ counts the successful one): the 10015 was handled inside it.
		expect(await settled.getState()).toBe('completed');
		expect(settled.attemptsMade).toBe(1);
		const fresh = { id: (await parts.producer.get(key)) ?? 'missing' };
		expect(fresh.id).not.toBe(old.id);
		expect(messages[0]?.webhookId).toBe(fresh.id);
		expect(parts.logs.some((line) => line.msg === 'channel webhook is unknown to Discord (10015); recreating it' && line.webhookId === old.id)).toBe(true);
	});

	it('replaces a bogus cached webhook', async () => {
		// A channel this delivery has not used yet, so it reads Redis (a process keeps a webhook it read in memory a while).
		const lab = seededPlace(parts, 'bot-lab');
		const key = running.keys.channelWebhook(lab.guildId, lab.channelId);
		await parts.producer.del(running.keys.channelWebhookToken(lab.guildId, lab.channelId));
		await parts.producer.set(key, JSON.stringify({ id: '100000000000000777', token: 'not-a-real-token-at-all-000' }));
		const { messages } = await deliver(deliverJob(lab, 'Bogus webhook, real reply.'));
		expect(messages).toHaveLength(1);
		expect(await parts.producer.get(key)).toBe(messages[0]?.webhookId);
	});

	it('delivers in a DM as a bot message with an embed authored by the character, not a name in the text', async () => {
		const { messages } = await deliver(deliverJob(dm, 'Blast! The DM works.', 'stewie'));
		expect(messages).toHaveLength(1);
		expect(messages[0]?.content).toBe('');
		expect(messages[0]?.embeds).toMatchObject([
			{ author: { name: 'Stewie Griffin', icon_url: expect.stringMatching(/^https:/) }, description: 'Blast! The DM works.' },
		]);
		expect(messages[0]?.author).toMatchObject({ kind: 'bot', id: parts.emulator.botUser.id });
		expect(messages[0]?.webhookId).toBeNull();
	});

	it('retries a 5xx with BullMQ backoff and still posts once', async () => {
		parts.emulator.control.injectServerErrors({ route: 'POST /webhooks/:webhookId/:token', count: 4 });
		const text = `Server hiccup ${Date.now()}`;
		const { settled, transcript } = await deliver(deliverJob(guild, text));
		// @discordjs/rest retried the 5xx three times itself; the fourth failed the first job attempt, the second attempt posted.
		expect(await settled.getState()).toBe('completed');
		expect(settled.attemptsMade).toBe(2);
		expect(transcript.filter((message) => message.content === text)).toHaveLength(1);
		expect(
			parts.logs.some(
				(line) => line.msg === 'deliver job failed; BullMQ will retry it' && String((line.err as { message?: string })?.message).includes('HTTP 500'),
			),
		).toBe(true);
	});

	it('fails a 4xx as unrecoverable with the Discord code and no token', async () => {
		const { settled } = await deliver(deliverJob({ ...dm, channelId: '100000000000000999' }, 'Nowhere to go.'));
		expect(await settled.getState()).toBe('failed');
		expect(settled.attemptsMade).toBe(1);
		expect(settled.failedReason).toBe('Discord refused POST /channels/:id/messages: Unknown Channel (code 10003, HTTP 404)');
	});
});
