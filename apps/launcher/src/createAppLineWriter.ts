import { type Clock, formatLogLine, type LogEntry, parseLogLine, scrubSecrets, systemClock } from '@charbot/core';
import type { OutputStream } from './superviseProcess.js';

/** Options of {@link createAppLineWriter}. */
export interface AppLineWriterOptions {
	/** `pretty` renders each app's JSON lines for people; `json` keeps one JSON object a line. */
	readonly format: 'json' | 'pretty';
	readonly color: boolean;
	/** Where finished lines go (standard output). */
	readonly write: (text: string) => void;
	/** Width app names are padded to, the longest name's. */
	readonly nameWidth: number;
	/** The time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/** Writes one line an app printed. */
export type AppLineWriter = (app: string, line: string, stream: OutputStream) => void;

/**
 * The apps always log JSON to the launcher, which writes their lines in the one format its own output wants. A line
 * that is not a log entry (a crash trace, a Node warning) becomes one under the app's name, scrubbed like the rest.
 */
export function createAppLineWriter(options: AppLineWriterOptions): AppLineWriter {
	const clock = options.clock ?? systemClock;
	return (app, line, stream) => {
		const text = scrubSecrets(line);
		if (text.trim() === '') return;
		const parsed = parseLogLine(text);
		const entry: LogEntry = parsed ?? { level: stream === 'stderr' ? 50 : 30, time: clock.now(), name: app, msg: text };
		if (options.format === 'json') {
			options.write(`${parsed ? text : JSON.stringify(entry)}\n`);
			return;
		}
		options.write(`${formatLogLine({ ...entry, name: entry.name ?? app }, { color: options.color, nameWidth: options.nameWidth })}\n`);
	};
}
