import { type Clock, systemClock } from '@charbot/core';

/** Options of {@link ChannelIntervalGate}. */
export interface ChannelIntervalGateOptions {
	/** One claim per channel per this long. */
	readonly intervalMs: number;
	/** Most channels remembered; the ones claimed longest ago are forgotten first. */
	readonly maxChannels: number;
	/** Time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/** One claim per channel per interval, in memory, bounded however many channels pass through. */
export class ChannelIntervalGate {
	/** When each channel was last claimed; oldest first, since only a forgotten channel is claimed again. */
	readonly #claimedAt = new Map<string, number>();
	readonly #clock: Clock;

	public constructor(private readonly options: ChannelIntervalGateOptions) {
		this.#clock = options.clock ?? systemClock;
	}

	/** Whether the channel may be claimed now. */
	public isOpen(channelId: string): boolean {
		this.#forgetExpired(this.#clock.now());
		return !this.#claimedAt.has(channelId);
	}

	/** Claims the channel for one interval; false when it was claimed less than an interval ago. */
	public claim(channelId: string): boolean {
		if (!this.isOpen(channelId)) return false;
		this.#claimedAt.set(channelId, this.#clock.now());
		if (this.#claimedAt.size > this.options.maxChannels) this.#claimedAt.delete(this.#claimedAt.keys().next().value as string);
		return true;
	}

	/** Channels remembered now. */
	public get size(): number {
		return this.#claimedAt.size;
	}

	#forgetExpired(now: number): void {
		for (const [channelId, claimedAt] of this.#claimedAt) {
			if (now - claimedAt < this.options.intervalMs) return;
			this.#claimedAt.delete(channelId);
		}
	}
}
