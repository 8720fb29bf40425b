import { ChannelHistory, MessageOwners } from '@charbot/stores';
import { buildJobData, deliverJobId, noAnswerNoticeJobId, QueueName, regenerateJobId, reviewJobId } from '@charbot/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	existingJob,
	type MessagePlace,
	reviewJob,
	type RunningQc,
	settledJob,
	type SharedParts,
	startQc,
	startSharedParts,
	seededPlace,
} from './qcHarness.js';

let parts: SharedParts;
let place: MessagePlace;
let running: RunningQc;

beforeAll(async () => {
	parts = await startSharedParts();
	place = seededPlace(parts, 'general');
	running = await startQc(parts);
});
afterAll(async () => {
	await running?.close();
	await parts?.close();
});

describe('review worker', () => {
	it('passes a good candidate, and delivery posts it once through a webhook as the character', async () => {
		const text = `Heh heh heh. Lois says the canoe stays in the garage, but I say it's a living-room canoe now. ${Date.now()}`;
		const job = reviewJob(place, text);
		await running.reviewQueue.add('review', buildJobData(QueueName.Review, job), { jobId: reviewJobId(job.jobKey, 1) });

		const delivered = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(await delivered.getState()).toBe('completed');
		expect(delivered.data).toMatchObject({ jobKey: job.jobKey, text, score: 1, model: 'llama3.2:1b' });

		const posted = parts.emulator.control.transcript(place.channelId).filter((message) => message.content === text);
		expect(posted).toHaveLength(1);
		const peter = parts.characters.get('peter');
		expect(posted[0]?.author).toMatchObject({ kind: 'webhook', displayName: 'Peter Griffin', avatarUrl: peter?.avatarUrl });
		expect(posted[0]?.webhookId).not.toBeNull();

		// The gateway recognises our webhook from the cached id; the token is cached apart, sealed.
		expect(await parts.producer.get(running.keys.channelWebhook(place.guildId, place.channelId))).toBe(posted[0]?.webhookId);
		const messageId = posted[0]?.id ?? '';
		expect(await new MessageOwners(parts.producer, running.keys).owner(place.guildId, messageId)).toEqual({ characterId: 'peter', cascadeDepth: 0 });
		const history = await new ChannelHistory(parts.producer, running.keys).recent(place.guildId, place.channelId);
		expect(history).toEqual([expect.objectContaining({ messageId, characterId: 'peter', authorName: 'Peter Griffin', content: text })]);
		expect(running.counters.snapshot().reviews).toMatchObject({ delivered: 1 });
	});

	it('sends a disclaimer back to the router with its reasons in failedAttempts', async () => {
		const text = "As an AI language model, I don't have a living room, but canoes are fun!";
		const job = reviewJob(place, text);
		const review = await running.reviewQueue.add('review', buildJobData(QueueName.Review, job), { jobId: reviewJobId(job.jobKey, 1) });

		const retry = await existingJob(running.routeQueue, regenerateJobId(job.jobKey, 1));
		expect(retry.id).toBe(`${job.jobKey}-retry-1`);
		const data = retry.data as { failedAttempts: { text: string; role: string; reasons: string[] }[]; jobKey: string; message: { id: string } };
		expect(data.jobKey).toBe(job.jobKey);
		expect(data.message.id).toBe(job.message.id);
		expect(data.failedAttempts).toHaveLength(1);
		expect(data.failedAttempts[0]).toMatchObject({ text, role: 'chat' });
		expect(data.failedAttempts[0]?.reasons).toContain('Reply contains an AI disclaimer ("As an AI language model")');

		const finished = await settledJob(running.reviewQueue, review.id ?? '');
		expect(finished.returnvalue).toMatchObject({ outcome: 'regenerated', nextJobId: `${job.jobKey}-retry-1` });
		expect(await running.deliverQueue.getJob(deliverJobId(job.jobKey))).toBeUndefined();
	});

	it('repairs a reply whose only fault is a removable wrapper and posts the rest, spending no generation', async () => {
		const spoken = `Heh heh, a canoe in the living room is called interior design, Lois. ${Date.now()}`;
		const job = reviewJob(place, `Sure! Here's Peter's reply:\n\n"${spoken}"\n\n(Note: This response keeps Peter's goofy tone.)<|im_end|>`);
		const before = running.counters.snapshot().reviews.repaired ?? 0;
		const review = await running.reviewQueue.add('review', buildJobData(QueueName.Review, job), { jobId: reviewJobId(job.jobKey, 1) });

		const delivered = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(delivered.data).toMatchObject({ text: spoken, score: 1 });
		expect(parts.emulator.control.transcript(place.channelId).filter((message) => message.content === spoken)).toHaveLength(1);
		const finished = await settledJob(running.reviewQueue, review.id ?? '');
		expect(finished.returnvalue).toMatchObject({
			outcome: 'repaired',
			reasons: [
				expect.stringMatching(/chat-template token/),
				expect.stringMatching(/framed like an assistant/),
				expect.stringMatching(/steps out of character/),
			],
		});
		expect(await running.routeQueue.getJob(regenerateJobId(job.jobKey, 1))).toBeUndefined();
		expect(running.counters.snapshot().reviews.repaired).toBe(before + 1);
	});

	it('regenerates instead when what a wrapper leaves still fails', async () => {
		const job = reviewJob(place, "Sure! Here's Peter's reply:\n\nAs an AI language model, I don't drink beer.");
		await running.reviewQueue.add('review', buildJobData(QueueName.Review, job), { jobId: reviewJobId(job.jobKey, 1) });
		const retry = await existingJob(running.routeQueue, regenerateJobId(job.jobKey, 1));
		const reasons = (retry.data as { failedAttempts: { reasons: string[] }[] }).failedAttempts[0]?.reasons ?? [];
		expect(reasons).toEqual([expect.stringMatching(/AI disclaimer/), expect.stringMatching(/framed like an assistant/)]);
		expect(await running.deliverQueue.getJob(deliverJobId(job.jobKey))).toBeUndefined();
	});

	it('appends to earlier failed attempts and names the next retry after them', async () => {
		const earlier = { text: 'Meg: Dad!', model: 'llama3.2:1b', host: 'h', role: 'chat', reasons: ['Reply writes lines for others ("Meg:")'] };
		const job = reviewJob(place, 'Visit https://example.com for my boat plans!', { failedAttempts: [earlier] });
		await running.reviewQueue.add('review', buildJobData(QueueName.Review, job), { jobId: reviewJobId(job.jobKey, 2) });
		const retry = await existingJob(running.routeQueue, regenerateJobId(job.jobKey, 2));
		const attempts = (retry.data as { failedAttempts: { reasons: string[] }[] }).failedAttempts;
		expect(attempts.map((attempt) => attempt.reasons[0])).toEqual([earlier.reasons[0], expect.stringMatching(/^Reply contains a link/)]);
	});

	it('ends a failed escalation in the failed set with UnrecoverableError, never retried or regenerated, and tells the member', async () => {
		const before = running.counters.snapshot().reviews.rejected ?? 0;
		const failedAttempts = [1, 2, 3].map((n) => ({
			text: `As an AI ${n}`,
			model: 'llama3.2:1b',
			host: 'h',
			role: 'chat',
			reasons: ['Reply contains an AI disclaimer'],
		}));
		const job = reviewJob(place, 'As an AI language model, I must decline.', { role: 'escalation', failedAttempts });
		const added = await running.reviewQueue.add('review', buildJobData(QueueName.Review, job), {
			jobId: reviewJobId(job.jobKey, 4),
			attempts: 5,
			backoff: { type: 'fixed', delay: 10 },
		});

		const failed = await settledJob(running.reviewQueue, added.id ?? '');
		expect(await failed.getState()).toBe('failed');
		expect(failed.attemptsMade).toBe(1);
		expect(failed.failedReason).toMatch(/^Escalated reply for msg-\d+-peter failed review \(score 0\): Reply contains an AI disclaimer/);
		expect(await running.reviewQueue.getFailedCount()).toBeGreaterThanOrEqual(1);
		expect(await running.routeQueue.getJob(regenerateJobId(job.jobKey, 4))).toBeUndefined();
		// The member who called Peter is told, in a reply to the message, rather than left waiting.
		const notice = await existingJob(running.deliverQueue, noAnswerNoticeJobId(job.jobKey));
		expect(notice.data).toMatchObject({ kind: 'notice', notice: 'no-good-answer', characterId: 'peter', replyToMessageId: job.message.id });
		expect(running.counters.snapshot().reviews.rejected).toBe(before + 1);
		const logged = parts.logs.find((line) => line.jobKey === job.jobKey && line.msg === 'escalated reply failed review; giving up on this message');
		expect(logged).toMatchObject({
			level: 40,
			characterId: 'peter',
			earlierAttempts: expect.any(Array),
			candidate: expect.objectContaining({ role: 'escalation' }),
		});
	});

	it('rejects a malformed review job without retrying it', async () => {
		const added = await running.reviewQueue.add('review', { jobKey: 'msg-1', candidate: {} }, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
		const failed = await settledJob(running.reviewQueue, added.id ?? '');
		expect(failed.attemptsMade).toBe(1);
		expect(failed.failedReason).toMatch(/^Invalid review job: .*message: /);
	});
});
