import { type Keyspace } from '@charbot/core';
import { buildJobData, type Notice, noticeJobId, QueueName, type RouteJob } from '@charbot/contracts';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** Options of {@link OutageNotices}. */
export interface OutageNoticesOptions {
	readonly redis: Redis;
	readonly keys: Keyspace;
	/** The `deliver` queue: the delivery worker posts notices as the bot. */
	readonly deliverQueue: Queue;
	/** One notice of a kind per channel (or slash command) per this many seconds, across every router process. */
	readonly intervalSeconds: number;
}

/** Sends the LLM outage notices: one per channel (or slash command) and interval, however many messages wait there. */
export class OutageNotices {
	public constructor(private readonly options: OutageNoticesOptions) {}

	/** Enqueues `notice` for the job's channel, or its slash command's deferred response, unless one went out lately; true when this call did. */
	public async notify(route: RouteJob, notice: Notice, now = Date.now()): Promise<boolean> {
		const { guildId, channelId } = route.message;
		const targetId = route.interaction === undefined ? channelId : `i-${route.interaction.id}`;
		const key = this.options.keys.llmNotice(guildId, notice, targetId);
		// Claimed in Redis, so many waiting jobs and several router processes still send a single notice.
		const claimed = await this.options.redis.set(key, String(now), 'EX', this.options.intervalSeconds, 'NX');
		if (claimed !== 'OK') return false;
		const noticeKey = noticeJobId(notice, targetId, now);
		const data = buildJobData(QueueName.Deliver, {
			kind: 'notice',
			noticeKey,
			notice,
			guildId,
			channelId,
			...(route.interaction === undefined ? {} : { interaction: route.interaction }),
		});
		try {
			await this.options.deliverQueue.add('notice', data, { jobId: noticeKey });
		} catch (error) {
			// Give the slot back, so the next waiting job tries the notice again.
			await this.options.redis.del(key).catch(() => undefined);
			throw error;
		}
		return true;
	}
}
