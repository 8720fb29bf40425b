import { ChannelHistory } from '@charbot/stores';
import { buildJobData, deliverJobId, type NoticeJob, noticeJobId, QueueName } from '@charbot/contracts';
import { describe, expect, it } from 'vitest';
import { OutageNoticeText } from '../../apps/delivery/src/delivery/outageNoticeText.js';
import { deferredAsk, deliverJob, settledJob, useAskFixture } from '../quality-control/qcHarness.js';

const ask = useAskFixture('kitchen');

function notice(overrides: Partial<NoticeJob> = {}): NoticeJob {
	return {
		kind: 'notice',
		noticeKey: noticeJobId('llm-resting', ask.place.channelId, Date.now()),
		notice: 'llm-resting',
		guildId: ask.place.guildId,
		channelId: ask.place.channelId,
		...overrides,
	};
}

describe('delivery of notices', () => {
	it('posts the resting notice as the bot, pinging nobody, once per notice key, and keeps it out of the channel history', async () => {
		const job = notice();
		await ask.running.deliverQueue.add('notice', buildJobData(QueueName.Deliver, job), { jobId: job.noticeKey });
		const settled = await settledJob(ask.running.deliverQueue, job.noticeKey);
		expect(await settled.getState()).toBe('completed');
		const posted = ask.parts.emulator.control.transcript(ask.place.channelId).filter((message) => message.id === settled.returnvalue.messageIds[0]);
		expect(posted).toHaveLength(1);
		expect(posted[0]?.content).toBe(OutageNoticeText['llm-resting']);
		expect(posted[0]?.author.kind).toBe('bot');
		expect(posted[0]?.mentionsPinged).toEqual({ everyone: false, users: [], roles: [] });

		// The same notice enqueued again (a retried producer) is not posted twice.
		await ask.running.deliverQueue.add('notice', buildJobData(QueueName.Deliver, job), { jobId: `${job.noticeKey}-again` });
		const again = await settledJob(ask.running.deliverQueue, `${job.noticeKey}-again`);
		expect(again.returnvalue).toMatchObject({ posted: 0, skipped: 1, messageIds: settled.returnvalue.messageIds });
		expect(ask.parts.emulator.control.transcript(ask.place.channelId).filter((message) => message.content === OutageNoticeText['llm-resting'])).toHaveLength(1);
		const history = await new ChannelHistory(ask.parts.producer, ask.running.keys).recent(ask.place.guildId, ask.place.channelId, { limit: 50 });
		expect(history.some((entry) => entry.content === OutageNoticeText['llm-resting'])).toBe(false);
	});

	it("fills a waiting /ask's deferred response with the notice, which the answer then replaces", async () => {
		const { id, token } = await deferredAsk(ask.parts, ask.client, ask.place, 'Peter?');
		const interaction = { id, applicationId: ask.parts.emulator.applicationId, interactionToken: token };

		const job = notice({ noticeKey: noticeJobId('llm-resting', `i-${id}`, Date.now()), interaction });
		await ask.running.deliverQueue.add('notice', buildJobData(QueueName.Deliver, job), { jobId: job.noticeKey });
		expect(await (await settledJob(ask.running.deliverQueue, job.noticeKey)).getState()).toBe('completed');
		let view = ask.parts.emulator.control.interactionResponses(id);
		expect(view.original?.content).toBe(OutageNoticeText['llm-resting']);
		expect(view.original?.loading).toBe(false);

		const answer = { ...deliverJob(ask.place, 'Heh heh, the canoe is fine.'), interaction };
		await ask.running.deliverQueue.add('deliver', buildJobData(QueueName.Deliver, answer), { jobId: deliverJobId(answer.jobKey) });
		expect(await (await settledJob(ask.running.deliverQueue, deliverJobId(answer.jobKey))).getState()).toBe('completed');
		view = ask.parts.emulator.control.interactionResponses(id);
		expect(view.original?.content).toBe('');
		expect(view.original?.embeds).toMatchObject([{ author: { name: 'Peter Griffin' }, description: 'Heh heh, the canoe is fine.' }]);
		expect(view.followUps).toHaveLength(0);
	});
});
