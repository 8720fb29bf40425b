import { buildJobData, deliverJobId, noAnswerNoticeJobId, QueueName, reviewJobId } from '@charbot/core';
import { noAnswerNoticeText } from '@charbot/quality-control';
import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	deferredAsk as deferredAskIn,
	deliverJob,
	type MessagePlace,
	reviewJob,
	type RunningQc,
	settledJob,
	type SharedParts,
	startAskClient,
	startQc,
	startSharedParts,
} from './qcHarness.js';

let parts: SharedParts;
let place: MessagePlace;
let running: RunningQc;
let client: Client<true>;

beforeAll(async () => {
	parts = await startSharedParts();
	const seed = parts.emulator.seed;
	if (seed === null) throw new Error('the emulator has no seeded world');
	place = { guildId: seed.guildId, channelId: seed.channels.general ?? '', authorId: seed.users.alice ?? '' };
	running = await startQc(parts);
	client = await startAskClient(parts);
});
afterAll(async () => {
	await client?.destroy();
	await running?.close();
	await parts?.close();
});

/** Invokes /ask as the member and defers it the way the gateway does. */
function deferredAsk(question: string): Promise<{ id: string; token: string }> {
	return deferredAskIn(parts, client, place, question);
}

describe('delivery to a slash command', () => {
	it('fills in the deferred /ask response, then follows up with the rest, as the character', async () => {
		const { id, token } = await deferredAsk('Peter?');

		const text = Array.from({ length: 40 }, (_, index) => `Heh heh, part of the answer number ${index} is about the canoe in the living room.`).join(' ');
		const job = { ...deliverJob(place, text), interaction: { id, applicationId: parts.emulator.applicationId, interactionToken: token } };
		await running.deliverQueue.add('deliver', buildJobData(QueueName.Deliver, job), { jobId: deliverJobId(job.jobKey) });
		const settled = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(await settled.getState()).toBe('completed');

		const view = parts.emulator.control.interactionResponses(id);
		expect(view.state).toBe('replied');
		expect(view.original?.content.startsWith('**Peter Griffin**: Heh heh, part of the answer number 0')).toBe(true);
		expect(view.followUps.length).toBeGreaterThanOrEqual(1);
		const all = [view.original, ...view.followUps].map((message) => message?.content ?? '');
		for (const content of all) expect(content.length).toBeLessThanOrEqual(2000);
		expect(all.join(' ').replace('**Peter Griffin**: ', '')).toBe(text);
		expect(settled.returnvalue.messageIds).toEqual([view.original?.id, ...view.followUps.map((message) => message.id)]);
	});

	it('answers an /ask whose escalation failed review with the no-good-answer notice, once, pinging nobody', async () => {
		const { id, token } = await deferredAsk('Peter, tell the whole server');
		const failedAttempts = [1, 2, 3].map((n) => ({
			text: `@everyone ${n}`,
			model: 'llama3.2:1b',
			host: 'h',
			role: 'chat',
			reasons: ['Reply contains a mass mention'],
		}));
		const job = {
			...reviewJob(place, '@everyone @here BIG NEWS, listen up!', { role: 'escalation', failedAttempts }),
			trigger: 'command' as const,
			interaction: { id, applicationId: parts.emulator.applicationId, interactionToken: token },
		};
		const review = await running.reviewQueue.add('review', buildJobData(QueueName.Review, job), {
			jobId: reviewJobId(job.jobKey, 4),
			attempts: 5,
			backoff: { type: 'fixed', delay: 10 },
		});
		const rejected = await settledJob(running.reviewQueue, review.id ?? '');
		expect({ state: await rejected.getState(), attemptsMade: rejected.attemptsMade }).toEqual({ state: 'failed', attemptsMade: 1 });
		expect(rejected.failedReason).toMatch(/^Escalated reply for msg-\d+-peter failed review/);

		const notice = await settledJob(running.deliverQueue, noAnswerNoticeJobId(job.jobKey));
		expect(await notice.getState()).toBe('completed');
		const view = parts.emulator.control.interactionResponses(id);
		expect({ state: view.state, loading: view.original?.loading, content: view.original?.content, followUps: view.followUps.length }).toEqual({
			state: 'replied',
			loading: false,
			content: noAnswerNoticeText('Peter Griffin'),
			followUps: 0,
		});
		expect(view.original?.mentionsPinged).toEqual({ everyone: false, users: [], roles: [] });
		// Posted once, as the command's response, not as a separate channel message.
		const posted = parts.emulator.control.transcript(place.channelId).filter((message) => message.content === noAnswerNoticeText('Peter Griffin'));
		expect(posted.map((message) => message.id)).toEqual([view.original?.id]);
	});
});
