/** Most lines remembered; the oldest are forgotten first. */
const defaultCapacity = 5000;

/**
 * The replies a simulator has already given in this run, so no character says the same line twice even when the
 * earlier one has scrolled out of the prompt's history. Bounded: the oldest lines are forgotten first.
 */
export class SpokenLines {
	private readonly lines = new Set<string>();

	public constructor(private readonly capacity = defaultCapacity) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`SpokenLines capacity must be a whole number of at least 1; got ${capacity}`);
	}

	/** Whether the line was given before. */
	public has(line: string): boolean {
		return this.lines.has(line);
	}

	/** Remembers a line, forgetting the oldest one when full. */
	public add(line: string): void {
		this.lines.delete(line);
		this.lines.add(line);
		if (this.lines.size > this.capacity) this.lines.delete(this.lines.values().next().value as string);
	}
}
