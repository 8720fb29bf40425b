/** What one key of {@link PendingStats} holds: summed hash fields of a bucket, or latency samples of a list, oldest first. */
export type PendingEntry = { readonly kind: 'counts'; readonly fields: Map<string, number> } | { readonly kind: 'samples'; readonly values: number[] };

/**
 * Stats not yet written to Redis, merged by key (a bucket's fields summed, a list's samples in order), oldest key
 * first. Its size counts one per distinct field and per sample: what the flush writes, and what memory holds.
 */
export class PendingStats {
	readonly #entries = new Map<string, PendingEntry>();
	#size = 0;

	/** Distinct counter fields plus latency samples held. */
	public get size(): number {
		return this.#size;
	}

	/** The held keys, oldest first. */
	public entries(): IterableIterator<[string, PendingEntry]> {
		return this.#entries.entries();
	}

	/** Adds `by` to a bucket's field. */
	public count(key: string, field: string, by: number): void {
		const entry = this.#entry(key, 'counts');
		if (entry.kind !== 'counts') throw new TypeError(`${key} holds latency samples, not counters`);
		if (!entry.fields.has(field)) this.#size += 1;
		entry.fields.set(field, (entry.fields.get(field) ?? 0) + by);
	}

	/** Appends a sample to a list. */
	public sample(key: string, value: number): void {
		const entry = this.#entry(key, 'samples');
		if (entry.kind !== 'samples') throw new TypeError(`${key} holds counters, not latency samples`);
		entry.values.push(value);
		this.#size += 1;
	}

	/** Moves everything `other` holds into this, `other`'s samples after this one's (it is newer). */
	public absorb(other: PendingStats): void {
		for (const [key, entry] of other.entries()) {
			if (entry.kind === 'counts') for (const [field, by] of entry.fields) this.count(key, field, by);
			else for (const value of entry.values) this.sample(key, value);
		}
	}

	/** What this holds, in one `PendingStats` per group of keys (`groupOf` names a key's group), each in the order held. */
	public splitBy(groupOf: (key: string) => string): PendingStats[] {
		const groups = new Map<string, PendingStats>();
		for (const [key, entry] of this.#entries) {
			const group = groupOf(key);
			let stats = groups.get(group);
			if (stats === undefined) groups.set(group, (stats = new PendingStats()));
			if (entry.kind === 'counts') for (const [field, by] of entry.fields) stats.count(key, field, by);
			else for (const value of entry.values) stats.sample(key, value);
		}
		return [...groups.values()];
	}

	/** Drops the oldest fields and samples until at most `max` are held; returns how many went. */
	public trimTo(max: number): number {
		let dropped = 0;
		for (const [key, entry] of this.#entries) {
			if (this.#size <= max) break;
			const held = entry.kind === 'counts' ? entry.fields.size : entry.values.length;
			const excess = this.#size - max;
			if (held <= excess) {
				this.#entries.delete(key);
				this.#size -= held;
				dropped += held;
				continue;
			}
			if (entry.kind === 'counts') for (const field of [...entry.fields.keys()].slice(0, excess)) entry.fields.delete(field);
			else entry.values.splice(0, excess);
			this.#size -= excess;
			dropped += excess;
		}
		return dropped;
	}

	#entry(key: string, kind: PendingEntry['kind']): PendingEntry {
		let entry = this.#entries.get(key);
		if (entry === undefined) {
			entry = kind === 'counts' ? { kind, fields: new Map() } : { kind, values: [] };
			this.#entries.set(key, entry);
		}
		return entry;
	}
}
