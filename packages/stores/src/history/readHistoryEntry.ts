import { type HistoryEntry, historyEntrySchema } from './historyEntrySchema.js';

/** How many stored lines, and how many characters of them in all, keep their parsed entry in one process. */
export const HistoryEntryCacheLimits = { lines: 4_096, characters: 2_000_000 } as const;

// Keyed by the stored line itself: the same text always parses to the same entry, whichever Redis or channel it came
// from, and an edited entry (a regenerated reply) is another line. Oldest first: a line still in use that falls out is
// parsed once more, which costs less than reordering on every read.
const parsedLines = new Map<string, HistoryEntry>();
let cachedCharacters = 0;

/**
 * One stored history line as an entry (JSON, validated against the schema), or undefined when it is not one: a line
 * is never allowed to break a read. A channel's lines are read again for every message in it, so valid ones are kept,
 * within {@link HistoryEntryCacheLimits}, and parsed once; the entries handed out are frozen, as they are shared.
 */
export function readHistoryEntry(line: string): HistoryEntry | undefined {
	const cached = parsedLines.get(line);
	if (cached !== undefined) return cached;
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return undefined;
	}
	const parsed = historyEntrySchema.safeParse(value);
	if (!parsed.success) return undefined;
	const entry = freezeEntry(parsed.data);
	if (line.length <= HistoryEntryCacheLimits.characters) remember(line, entry);
	return entry;
}

function remember(line: string, entry: HistoryEntry): void {
	parsedLines.set(line, entry);
	cachedCharacters += line.length;
	for (const oldest of parsedLines.keys()) {
		if (parsedLines.size <= HistoryEntryCacheLimits.lines && cachedCharacters <= HistoryEntryCacheLimits.characters) break;
		parsedLines.delete(oldest);
		cachedCharacters -= oldest.length;
	}
}

function freezeEntry(entry: HistoryEntry): HistoryEntry {
	for (const image of entry.images ?? []) Object.freeze(image);
	Object.freeze(entry.images);
	return Object.freeze(entry);
}
