import { type Keyspace, type RedisClient } from '@charbot/core';
import { buildJobData, type Notice, noticeJobId, QueueName, type RouteJob } from '@charbot/contracts';
import type { Queue } from 'bullmq';

/** Options of {@link ChannelNotices}. */
export interface ChannelNoticesOptions {
	readonly redis: RedisClient;
	readonly keys: Keyspace;
	/** The `deliver` queue: the delivery worker posts notices as the bot. */
	readonly deliverQueue: Queue;
	/** One notice of a kind per channel (or slash command) per this many seconds, across every router process. */
	readonly intervalSeconds: number;
}

/** What one notice may add to {@link ChannelNotices.notify}. */
export interface NoticeDetails {
	/** Overrides the interval of the options. */
	readonly intervalSeconds?: number;
	/** Told apart from other notices of its kind (one `image-refused` per reason): part of the claim. */
	readonly topic?: string;
	/** What the notice is about, in a member's words. */
	readonly detail?: string;
	/** Post it as a reply to the member's message (pinging nobody). */
	readonly replyToMessage?: boolean;
}

/** Sends notices in the platform's name: one of a kind per channel (or slash command) and interval, however many messages call for it. */
export class ChannelNotices {
	public constructor(private readonly options: ChannelNoticesOptions) {}

	/** Enqueues `notice` for the job's channel, or its slash command's deferred response, unless one went out lately; true when this call did. */
	public async notify(route: RouteJob, notice: Notice, now = Date.now(), details: NoticeDetails = {}): Promise<boolean> {
		const { guildId, channelId } = route.message;
		const targetId = route.interaction === undefined ? channelId : `i-${route.interaction.id}`;
		const claim = details.topic === undefined ? notice : `${notice}-${details.topic}`;
		const key = this.options.keys.channelNotice(guildId, claim, targetId);
		// Claimed in Redis, so many waiting jobs and several router processes still send a single notice.
		const claimed = await this.options.redis.set(key, String(now), 'EX', details.intervalSeconds ?? this.options.intervalSeconds, 'NX');
		if (claimed !== 'OK') return false;
		const noticeKey = noticeJobId(claim, targetId, now);
		const data = buildJobData(QueueName.Deliver, {
			kind: 'notice',
			noticeKey,
			notice,
			guildId,
			channelId,
			...(route.interaction === undefined ? {} : { interaction: route.interaction }),
			...(details.detail === undefined ? {} : { detail: details.detail }),
			...(details.replyToMessage === true && route.interaction === undefined ? { replyToMessageId: route.message.id } : {}),
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
