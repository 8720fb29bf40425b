import type { Clock } from '@charbot/core';
import { ChannelIntervalGate } from './ChannelIntervalGate.js';

/** Options of {@link RequestThrottle}. */
export interface RequestThrottleOptions {
	/** One request per channel per this long (typing: Discord shows it for about 10 s). */
	readonly intervalMs: number;
	/** At this many requests still on their way, more are skipped. */
	readonly maxInFlight: number;
	/** Most channels remembered; the ones used longest ago are forgotten first. */
	readonly maxChannels: number;
	/** Time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/**
 * Decides whether a courtesy request (a typing indicator, a cooldown reaction) is worth sending: each costs one of the
 * bot's 50 requests per second, so a busy channel gets one per interval, and none go out while many are still queued in
 * discord.js.
 */
export class RequestThrottle {
	readonly #channels: ChannelIntervalGate;
	#inFlight = 0;

	public constructor(private readonly options: RequestThrottleOptions) {
		this.#channels = new ChannelIntervalGate(options);
	}

	/** Claims a request for the channel; returns the callback to call once it settled, or undefined to skip it. */
	public tryStart(channelId: string): (() => void) | undefined {
		if (this.#inFlight >= this.options.maxInFlight || !this.#channels.claim(channelId)) return undefined;
		this.#inFlight += 1;
		let settled = false;
		return () => {
			if (settled) return;
			settled = true;
			this.#inFlight -= 1;
		};
	}

	/** Requests claimed and not settled yet. */
	public get inFlight(): number {
		return this.#inFlight;
	}

	/** Channels remembered now. */
	public get channels(): number {
		return this.#channels.size;
	}
}
