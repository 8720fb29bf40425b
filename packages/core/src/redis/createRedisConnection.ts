import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logging/createLogger.js';
import { scrubSecrets } from '../logging/scrubSecrets.js';

/**
 * The jobs a Redis connection does; each has its own rules.
 * - `worker`: BullMQ workers and queue events block and must never give up (`maxRetriesPerRequest: null`).
 * - `producer`: enqueuing fails fast when Redis is away, so the caller can tell the member instead of hanging.
 * - `cache`: the response cache may be a different server (KeyDB) and is bypassed when slow or down.
 */
export type RedisRole = 'worker' | 'producer' | 'cache';

/** Options of {@link createRedisConnection}. */
export interface CreateRedisConnectionOptions {
	readonly url: string;
	readonly role: RedisRole;
	readonly logger?: Logger;
	/** Name shown in `CLIENT LIST`, to tell processes apart. */
	readonly connectionName?: string;
}

const reconnectDelay = (attempt: number) => Math.min(50 * 2 ** attempt, 2000);

const roleOptions: Record<RedisRole, RedisOptions> = {
	worker: { maxRetriesPerRequest: null, enableReadyCheck: true, retryStrategy: reconnectDelay },
	producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: reconnectDelay },
	cache: { maxRetriesPerRequest: 0, enableOfflineQueue: false, commandTimeout: 500, connectTimeout: 2000, retryStrategy: reconnectDelay },
};

/** Opens an ioredis connection with the rules of its role; errors are logged, never unhandled. */
export function createRedisConnection(options: CreateRedisConnectionOptions): Redis {
	const connection = new Redis(options.url, {
		...roleOptions[options.role],
		lazyConnect: false,
		...(options.connectionName === undefined ? {} : { connectionName: options.connectionName }),
	});
	let lastError = '';
	connection.on('error', (error: Error) => {
		// ioredis repeats the same error on every reconnect attempt; log each distinct one once.
		const message = scrubSecrets(error.message);
		if (message === lastError) return;
		lastError = message;
		options.logger?.warn({ role: options.role, err: error }, `redis (${options.role}) connection error: ${message}`);
	});
	connection.on('ready', () => {
		if (lastError !== '') options.logger?.info({ role: options.role }, `redis (${options.role}) connection restored`);
		lastError = '';
	});
	return connection;
}

/** Resolves once the connection is ready, or rejects after `timeoutMs` naming the role's server as unreachable. */
export function waitForRedisReady(connection: Redis, timeoutMs = 5000): Promise<void> {
	if (connection.status === 'ready') return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			connection.off('ready', onReady);
			reject(new Error(`Redis at ${connection.options.host}:${connection.options.port} was not ready within ${timeoutMs} ms`));
		}, timeoutMs);
		const onReady = () => {
			clearTimeout(timer);
			resolve();
		};
		connection.once('ready', onReady);
	});
}
