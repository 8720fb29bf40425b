import { ChannelIntervalGate } from './ChannelIntervalGate.js';

/** Options of {@link TypingThrottle}. */
export interface TypingThrottleOptions {
	/** One typing request per channel per this long (Discord shows typing for about 10 s). */
	readonly intervalMs: number;
	/** At this many typing requests still on their way, typing is skipped. */
	readonly maxInFlight: number;
	/** Most channels remembered; the ones typed in longest ago are forgotten first. */
	readonly maxChannels: number;
	readonly now?: () => number;
}

/**
 * Decides whether a message's typing indicator is worth a REST request: each costs one of the bot's 50 requests per second,
 * so a busy channel gets one per interval, and none go out while many are still queued in discord.js.
 */
export class TypingThrottle {
	readonly #channels: ChannelIntervalGate;
	#inFlight = 0;

	public constructor(private readonly options: TypingThrottleOptions) {
		this.#channels = new ChannelIntervalGate(options);
	}

	/** Claims a typing request for the channel; returns the callback to call once it settled, or undefined to skip typing. */
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

	/** Typing requests claimed and not settled yet. */
	public get inFlight(): number {
		return this.#inFlight;
	}

	/** Channels remembered now. */
	public get channels(): number {
		return this.#channels.size;
	}
}
