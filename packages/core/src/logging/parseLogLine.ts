import { type LogEntry, logEntrySchema } from './formatLogLine.js';

/** Reads one pino JSON line; undefined when the line is not a log entry (a crash trace, a warning). */
export function parseLogLine(line: string): LogEntry | undefined {
	const text = line.trim();
	if (!text.startsWith('{')) return undefined;
	try {
		const entry = logEntrySchema.safeParse(JSON.parse(text));
		return entry.success ? entry.data : undefined;
	} catch {
		// Not JSON: the caller shows the line as text.
		return undefined;
	}
}
