import { ChannelHistory } from '@charbot/conversation';
import { buildJobData, deliverJobId, type NoticeJob, noticeJobId, QueueName } from '@charbot/core';
import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutageNoticeText } from '@charbot/quality-control';
import {
	deferredAsk,
	deliverJob,
	type MessagePlace,
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
	place = { guildId: seed.guildId, channelId: seed.channels.kitchen ?? '', authorId: seed.users.alice ?? '' };
	running = await startQc(parts);
	client = await startAskClient(parts);
});
afterAll(async () => {
	await client?.destroy();
	await running?.close();
	await parts?.close();
});

function notice(overrides: Partial<NoticeJob> = {}): NoticeJob {
	return {
		kind: 'notice',
		noticeKey: noticeJobId('llm-resting', place.channelId, Date.now()),
		notice: 'llm-resting',
		guildId: place.guildId,
		channelId: place.channelId,
		...overrides,
	};
}

describe('delivery of notices', () => {
	it('posts the resting notice as the bot, pinging nobody, once per notice key, and keeps it out of the channel history', async () => {
		const job = notice();
		await running.deliverQueue.add('notice', buildJobData(QueueName.Deliver, job), { jobId: job.noticeKey });
		const settled = await settledJob(running.deliverQueue, job.noticeKey);
		expect(await settled.getState()).toBe('completed');
		const posted = parts.emulator.control.transcript(place.channelId).filter((message) => message.id === settled.returnvalue.messageIds[0]);
		expect(posted).toHaveLength(1);
		expect(posted[0]?.content).toBe(OutageNoticeText['llm-resting']);
		expect(posted[0]?.author.kind).toBe('bot');
		expect(posted[0]?.mentionsPinged).toEqual({ everyone: false, users: [], roles: [] });

		// The same notice enqueued again (a retried producer) is not posted twice.
		await running.deliverQueue.add('notice', buildJobData(QueueName.Deliver, job), { jobId: `${job.noticeKey}-again` });
		const again = await settledJob(running.deliverQueue, `${job.noticeKey}-again`);
		expect(again.returnvalue).toMatchObject({ posted: 0, skipped: 1, messageIds: settled.returnvalue.messageIds });
		expect(parts.emulator.control.transcript(place.channelId).filter((message) => message.content === OutageNoticeText['llm-resting'])).toHaveLength(1);
		const history = await new ChannelHistory(parts.producer, running.keys).recent(place.guildId, place.channelId, { limit: 50 });
		expect(history.some((entry) => entry.content === OutageNoticeText['llm-resting'])).toBe(false);
	});

	it("fills a waiting /ask's deferred response with the notice, which the answer then replaces", async () => {
		const { id, token } = await deferredAsk(parts, client, place, 'Peter?');
		const interaction = { id, applicationId: parts.emulator.applicationId, interactionToken: token };

		const job = notice({ noticeKey: noticeJobId('llm-resting', `i-${id}`, Date.now()), interaction });
		await running.deliverQueue.add('notice', buildJobData(QueueName.Deliver, job), { jobId: job.noticeKey });
		expect(await (await settledJob(running.deliverQueue, job.noticeKey)).getState()).toBe('completed');
		let view = parts.emulator.control.interactionResponses(id);
		expect(view.original?.content).toBe(OutageNoticeText['llm-resting']);
		expect(view.original?.loading).toBe(false);

		const answer = { ...deliverJob(place, 'Heh heh, the canoe is fine.'), interaction };
		await running.deliverQueue.add('deliver', buildJobData(QueueName.Deliver, answer), { jobId: deliverJobId(answer.jobKey) });
		expect(await (await settledJob(running.deliverQueue, deliverJobId(answer.jobKey))).getState()).toBe('completed');
		view = parts.emulator.control.interactionResponses(id);
		expect(view.original?.content).toBe('**Peter Griffin**: Heh heh, the canoe is fine.');
		expect(view.followUps).toHaveLength(0);
	});
});
