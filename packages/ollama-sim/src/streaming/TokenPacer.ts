/** A reply being streamed: token `i` is due at `firstAt + i × intervalMs` (milliseconds on `performance.now()`). */
export interface PacedStream {
	readonly firstAt: number;
	readonly intervalMs: number;
	readonly total: number;
	/** When the final chunk is due (the last token's time, or the end of prompt evaluation for an empty reply). */
	readonly doneAt: number;
	/** Tokens written so far; the pacer advances it. */
	sent: number;
	/** Writes tokens [from, to), now due. Returns false when the stream ended early (fault, client gone). */
	advance(from: number, to: number): boolean;
	/** Writes the final chunk. */
	complete(): void;
}

/**
 * One timer paces every open stream, instead of a timer per token. Tokens due by the same tick go out
 * in one write; under heavy load ticks grow (up to 50 ms) so thousands of streams cost few writes,
 * while each token's due time, and so every rate and duration, stays exact.
 */
export class TokenPacer {
	private readonly streams = new Set<PacedStream>();
	private timer: NodeJS.Timeout | undefined;
	private wakeAt = Number.POSITIVE_INFINITY;

	public constructor(private readonly onError: (error: unknown) => void) {}

	/** Streams being paced now. */
	public get size(): number {
		return this.streams.size;
	}

	/** Starts pacing a stream. */
	public add(stream: PacedStream): void {
		this.streams.add(stream);
		this.schedule(stream.total > 0 ? stream.firstAt : stream.doneAt);
	}

	/** Stops pacing a stream (its client went away). */
	public remove(stream: PacedStream): void {
		this.streams.delete(stream);
	}

	/** Stops the timer and forgets every stream. */
	public stop(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.wakeAt = Number.POSITIVE_INFINITY;
		this.streams.clear();
	}

	private readonly tick = (): void => {
		this.timer = undefined;
		this.wakeAt = Number.POSITIVE_INFINITY;
		const now = performance.now();
		let next = Number.POSITIVE_INFINITY;
		for (const stream of this.streams) {
			try {
				const due = stream.total === 0 || now < stream.firstAt ? 0 : Math.min(stream.total, Math.floor((now - stream.firstAt) / stream.intervalMs) + 1);
				if (due > stream.sent) {
					const from = stream.sent;
					stream.sent = due;
					if (!stream.advance(from, due)) {
						this.streams.delete(stream);
						continue;
					}
				}
				if (stream.sent >= stream.total && now >= stream.doneAt) {
					this.streams.delete(stream);
					stream.complete();
					continue;
				}
				next = Math.min(next, stream.sent < stream.total ? stream.firstAt + stream.sent * stream.intervalMs : stream.doneAt);
			} catch (error) {
				this.streams.delete(stream);
				this.onError(error);
			}
		}
		if (next !== Number.POSITIVE_INFINITY) this.schedule(next);
	};

	private schedule(at: number): void {
		const now = performance.now();
		const minTick = this.streams.size <= 50 ? 1 : Math.min(50, this.streams.size / 40);
		const target = Math.max(at, now + minTick);
		if (this.timer !== undefined && this.wakeAt <= target) return;
		clearTimeout(this.timer);
		this.wakeAt = target;
		this.timer = setTimeout(this.tick, target - now);
	}
}
