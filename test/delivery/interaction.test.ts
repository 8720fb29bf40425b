import { buildJobData, deliverJobId, noAnswerNoticeJobId, QueueName, reviewJobId } from '@charbot/contracts';
import { describe, expect, it } from 'vitest';
import { noAnswerNoticeText } from '../../apps/delivery/src/delivery/noAnswerNoticeText.js';
import { deferredAsk as deferredAskIn, deliverJob, reviewJob, settledJob, useAskFixture } from '../quality-control/qcHarness.js';

const ask = useAskFixture('general');

/** Invokes /ask as the member and defers it the way the gateway does. */
function deferredAsk(question: string): Promise<{ id: string; token: string }> {
	return deferredAskIn(ask.parts, ask.client, ask.place, question);
}

describe('delivery to a slash command', () => {
	it('fills in the deferred /ask response, then follows up with the rest, as the character', async () => {
		const { id, token } = await deferredAsk('Peter?');

		const text = Array.from({ length: 80 }, (_, index) => `Heh heh, part of the answer number ${index} is about the canoe in the living room.`).join(' ');
		const job = { ...deliverJob(ask.place, text), interaction: { id, applicationId: ask.parts.emulator.applicationId, interactionToken: token } };
		await ask.running.deliverQueue.add('deliver', buildJobData(QueueName.Deliver, job), { jobId: deliverJobId(job.jobKey) });
		const settled = await settledJob(ask.running.deliverQueue, deliverJobId(job.jobKey));
		expect(await settled.getState()).toBe('completed');

		const view = ask.parts.emulator.control.interactionResponses(id);
		expect(view.state).toBe('replied');
		// Each part is an embed authored by the character (a response is always the bot's), never a "**Name**:" prefix.
		expect(view.followUps.length).toBeGreaterThanOrEqual(1);
		const all = [view.original, ...view.followUps];
		for (const message of all) {
			expect(message?.content).toBe('');
			expect(message?.embeds[0]).toMatchObject({ author: { name: 'Peter Griffin' } });
			expect(String(message?.embeds[0]?.description).length).toBeLessThanOrEqual(4096);
		}
		expect(String(view.original?.embeds[0]?.description).startsWith('Heh heh, part of the answer number 0')).toBe(true);
		expect(all.map((message) => String(message?.embeds[0]?.description)).join(' ')).toBe(text);
		expect(settled.returnvalue.messageIds).toEqual([view.original?.id, ...view.followUps.map((message) => message.id)]);
	});

	it('answers an /ask whose escalation failed review with the no-good-answer notice, once, pinging nobody', async () => {
		const { id, token } = await deferredAsk('Peter, tell the whole server');
		const failedAttempts = [1, 2, 3].map((n) => ({
			text: `As an AI language model, I cannot address the whole server ${n}`,
			model: 'llama3.2:1b',
			host: 'h',
			role: 'chat',
			reasons: ['Reply contains an AI disclaimer'],
		}));
		// A failure repair cannot remove: a ping alone would be repaired and answered.
		const job = {
			...reviewJob(ask.place, '@everyone As an AI language model, I cannot shout at the whole server.', { role: 'escalation', failedAttempts }),
			trigger: 'command' as const,
			interaction: { id, applicationId: ask.parts.emulator.applicationId, interactionToken: token },
		};
		const review = await ask.running.reviewQueue.add('review', buildJobData(QueueName.Review, job), {
			jobId: reviewJobId(job.jobKey, 4),
			attempts: 5,
			backoff: { type: 'fixed', delay: 10 },
		});
		const rejected = await settledJob(ask.running.reviewQueue, review.id ?? '');
		expect({ state: await rejected.getState(), attemptsMade: rejected.attemptsMade }).toEqual({ state: 'failed', attemptsMade: 1 });
		expect(rejected.failedReason).toMatch(/^Escalated reply for msg-\d+-peter failed review/);

		const notice = await settledJob(ask.running.deliverQueue, noAnswerNoticeJobId(job.jobKey));
		expect(await notice.getState()).toBe('completed');
		const view = ask.parts.emulator.control.interactionResponses(id);
		expect({ state: view.state, loading: view.original?.loading, content: view.original?.content, followUps: view.followUps.length }).toEqual({
			state: 'replied',
			loading: false,
			content: noAnswerNoticeText('Peter Griffin'),
			followUps: 0,
		});
		expect(view.original?.mentionsPinged).toEqual({ everyone: false, users: [], roles: [] });
		// Posted once, as the command's response, not as a separate channel message.
		const posted = ask.parts.emulator.control.transcript(ask.place.channelId).filter((message) => message.content === noAnswerNoticeText('Peter Griffin'));
		expect(posted.map((message) => message.id)).toEqual([view.original?.id]);
	});
});
