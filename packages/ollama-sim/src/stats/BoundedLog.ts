/** The last `capacity` items added, oldest first; adding beyond the capacity drops the oldest. */
export class BoundedLog<T> {
	private items: T[] = [];
	private start = 0;
	private readonly capacity: number;

	public constructor(capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`BoundedLog capacity must be a whole number of at least 1; got ${capacity}`);
		this.capacity = capacity;
	}

	/** Adds an item, dropping the oldest when full. */
	public add(item: T): void {
		if (this.items.length < this.capacity) {
			this.items.push(item);
			return;
		}
		// A ring: overwrite the oldest in place instead of shifting thousands of items.
		this.items[this.start] = item;
		this.start = (this.start + 1) % this.capacity;
	}

	/** The items, oldest first. */
	public toArray(): T[] {
		return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
	}

	/** How many items it holds. */
	public get size(): number {
		return this.items.length;
	}

	/** Drops every item. */
	public clear(): void {
		this.items = [];
		this.start = 0;
	}
}
