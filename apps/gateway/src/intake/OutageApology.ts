import type { Clock } from '@charbot/core';
import type { TextBasedChannel } from 'discord.js';
import { ChannelIntervalGate } from './ChannelIntervalGate.js';

/** The reply a member gets when the gateway gave up their message during a Redis outage, in the platform's voice. */
export const OutageApologyText = "Sorry — I couldn't take that message just now. Please send it again in a moment.";

/** A given-up message the member should hear about. */
export interface ApologyTarget {
	readonly channel: TextBasedChannel;
	readonly messageId: string;
	readonly authorId: string;
}

/** Options of {@link OutageApology}. */
export interface OutageApologyOptions {
	/** One apology per channel per this long, so an outage does not flood a channel. */
	readonly intervalMs: number;
	readonly maxChannels: number;
	/** Time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/** Most other members an apology names (without pinging them). */
const maxNamedMembers = 20;

/**
 * Tells members that their messages were not taken: one reply per channel and interval, to the first given-up message
 * (pinging its author only), naming the other authors given up with it. Kept in memory: Redis is what is missing.
 */
export class OutageApology {
	readonly #channels: ChannelIntervalGate;

	public constructor(options: OutageApologyOptions) {
		this.#channels = new ChannelIntervalGate(options);
	}

	/** Posts the apology for one channel's given-up messages; false when the channel had one lately or cannot be sent to. */
	public async post(channelId: string, targets: readonly ApologyTarget[]): Promise<boolean> {
		const first = targets[0];
		if (first === undefined || !first.channel.isSendable() || !this.#channels.claim(channelId)) return false;
		const others = [...new Set(targets.map((target) => target.authorId))].filter((authorId) => authorId !== first.authorId).slice(0, maxNamedMembers);
		const content = others.length === 0 ? OutageApologyText : `${OutageApologyText} (Same for ${others.map((authorId) => `<@${authorId}>`).join(', ')}.)`;
		await first.channel.send({
			content,
			reply: { messageReference: first.messageId, failIfNotExists: false },
			allowedMentions: { parse: [], repliedUser: true },
		});
		return true;
	}
}
