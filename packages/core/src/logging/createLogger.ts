import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import { chooseLogFormat, type LogFormatSetting } from './chooseLogFormat.js';
import { createPrettyDestination } from './createPrettyDestination.js';
import { scrubSecrets } from './scrubSecrets.js';
import { terminalHasColors } from './terminalHasColors.js';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
	/** Component name written on every line, e.g. `gateway`. */
	readonly name: string;
	readonly level?: string;
	/** `auto` (default) is pretty when standard output is a terminal and JSON otherwise; a given `destination` gets JSON. */
	readonly format?: LogFormatSetting;
	/** Where lines go; standard output by default. Tests pass a stream to read them. */
	readonly destination?: DestinationStream;
	/** Colours in pretty lines; by default when standard output is a terminal that shows them. */
	readonly color?: boolean;
}

/**
 * A pino logger that scrubs every line it writes ({@link scrubSecrets}): fields named like secrets at any depth, and
 * token-shaped values anywhere; as JSON lines or pretty ones.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
	const format = options.destination !== undefined && options.format !== 'pretty' ? 'json' : chooseLogFormat(options.format, process.stdout);
	const loggerOptions: LoggerOptions = {
		name: options.name,
		level: options.level ?? 'info',
		hooks: {
			// The finished line, not the object: a secret nested at any depth, in a child's bindings, an error's fields or its
			// message, is all in it, and one pass over a string costs less than walking every logged object.
			streamWrite: (line) => scrubSecrets(line),
		},
		serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
	};
	if (format === 'pretty') {
		// Rendered in this thread from the scrubbed JSON line, so a crash cannot lose lines a worker thread still held.
		const sink = options.destination ?? process.stdout;
		return pino(loggerOptions, createPrettyDestination(sink, options.color ?? terminalHasColors(process.stdout)));
	}
	return options.destination === undefined ? pino(loggerOptions) : pino(loggerOptions, options.destination);
}

export type { Logger } from 'pino';
