import type { Keyspace, RedisClient } from '@charbot/core';
import type { BacklogGauge } from './BacklogGauge.js';

/** The note a busy channel gets, in the platform's voice; it pings nobody. */
export const BacklogNoteText = 'The characters are swamped right now — your message is in line.';

/** Where the note goes: any channel discord.js can send to. */
export interface NoteChannel {
	send(options: { content: string; allowedMentions: { parse: [] } }): Promise<unknown>;
}

/** Options of {@link BacklogNotice}. */
export interface BacklogNoticeOptions {
	readonly gauge: BacklogGauge;
	/** Waiting route jobs above which channels get the note. */
	readonly threshold: number;
	/** One note per channel per this many milliseconds, across every gateway process. */
	readonly intervalMs: number;
	readonly redis: RedisClient;
	readonly keyspace: Keyspace;
}

/** Posts one short "you are in line" note per channel and interval while the route queue's backlog is long. */
export class BacklogNotice {
	public constructor(private readonly options: BacklogNoticeOptions) {}

	/** Posts the note when the backlog is over the threshold and the channel has not had one lately; true when posted. */
	public async notify(channel: NoteChannel, guildId: string | null, channelId: string): Promise<boolean> {
		if ((await this.options.gauge.current()) <= this.options.threshold) return false;
		const key = this.options.keyspace.backlogNote(guildId, channelId);
		// The slot is claimed in Redis so several gateway processes still post a single note.
		const claimed = await this.options.redis.set(key, '1', 'PX', this.options.intervalMs, 'NX');
		if (claimed !== 'OK') return false;
		await channel.send({ content: BacklogNoteText, allowedMentions: { parse: [] } });
		return true;
	}
}
