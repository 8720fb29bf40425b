import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import { scrubSecrets } from './scrubSecrets.js';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
	/** Component name written on every line, e.g. `gateway`. */
	readonly name: string;
	readonly level?: string;
	/** `auto` is pretty in a terminal and JSON otherwise. */
	readonly format?: 'auto' | 'json' | 'pretty';
	/** Where lines go; standard output by default. Tests pass a stream to read them. */
	readonly destination?: DestinationStream;
}

/** Object paths whose values are replaced before a line is written. */
export const redactedPaths = [
	'token',
	'*.token',
	'password',
	'*.password',
	'authorization',
	'*.authorization',
	'headers.authorization',
	'*.headers.authorization',
	'req.headers.authorization',
	'webhookToken',
	'*.webhookToken',
	'interactionToken',
	'*.interactionToken',
	'DISCORD_TOKEN',
	'*.DISCORD_TOKEN',
];

/** A pino logger that redacts tokens by path and scrubs them from every string it writes. */
export function createLogger(options: CreateLoggerOptions): Logger {
	const pretty = options.format === 'pretty' || (options.format !== 'json' && options.destination === undefined && process.stdout.isTTY === true);
	const loggerOptions: LoggerOptions = {
		name: options.name,
		level: options.level ?? 'info',
		redact: { paths: redactedPaths, censor: '[redacted]' },
		hooks: {
			// Messages and error stacks can quote a URL or header: scrub the finished line, not only known paths.
			streamWrite: (line) => scrubSecrets(line),
		},
		serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
	};
	if (pretty) {
		return pino({ ...loggerOptions, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } });
	}
	return options.destination === undefined ? pino(loggerOptions) : pino(loggerOptions, options.destination);
}

export type { Logger } from 'pino';
