/** Limits of a {@link ReplayBuffer}. */
export interface ReplayBufferLimits {
	readonly maxEvents: number;
	readonly maxBytes: number;
}

/** The last dispatches of one session, kept to replay on RESUME; bounded by count and by bytes. */
export class ReplayBuffer {
	readonly #frames: { seq: number; frame: string }[] = [];
	readonly #limits: ReplayBufferLimits;
	#bytes = 0;
	#lastSeq = 0;

	public constructor(limits: ReplayBufferLimits) {
		this.#limits = limits;
	}

	/** Keeps a serialized dispatch frame, dropping the oldest beyond the limits. */
	public push(seq: number, frame: string): void {
		this.#frames.push({ seq, frame });
		this.#bytes += frame.length;
		this.#lastSeq = seq;
		while (this.#frames.length > 0 && (this.#frames.length > this.#limits.maxEvents || this.#bytes > this.#limits.maxBytes)) {
			const dropped = this.#frames.shift();
			this.#bytes -= dropped?.frame.length ?? 0;
		}
	}

	/** Frames after `seq`, or null when some of them were already dropped (the session cannot be resumed). */
	public since(seq: number): string[] | null {
		if (seq > this.#lastSeq || seq < 0) return null;
		if (seq === this.#lastSeq) return [];
		const first = this.#frames[0];
		if (!first || first.seq > seq + 1) return null;
		return this.#frames.filter((entry) => entry.seq > seq).map((entry) => entry.frame);
	}

	/** How many frames are held. */
	public get size(): number {
		return this.#frames.length;
	}
}
