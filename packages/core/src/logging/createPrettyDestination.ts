import type { DestinationStream } from 'pino';
import { formatLogLine } from './formatLogLine.js';
import { parseLogLine } from './parseLogLine.js';

/** Where rendered lines go: standard output, or a stream a test reads. */
export interface LineSink {
	write(text: string): unknown;
}

/** A pino destination that renders each JSON line with {@link formatLogLine} before writing it. */
export function createPrettyDestination(sink: LineSink, color: boolean): DestinationStream {
	return {
		write: (line: string) => {
			const entry = parseLogLine(line);
			sink.write(`${entry ? formatLogLine(entry, { color }) : line.replace(/\n$/, '')}\n`);
		},
	};
}
