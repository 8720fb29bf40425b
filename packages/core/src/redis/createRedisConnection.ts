import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logging/createLogger.js';
import { scrubSecrets } from '../logging/scrubSecrets.js';
import type { ClusterNode } from './clusterNodesSchema.js';

/** A connection to one Redis server or to a Redis Cluster: what every store, queue and script takes. */
export type RedisClient = Redis | Cluster;

/**
 * The jobs a Redis connection does; each has its own rules.
 * - `worker`: BullMQ workers and queue events block and must never give up (`maxRetriesPerRequest: null`).
 * - `producer`: enqueuing fails fast when Redis is away, so the caller can tell the member instead of hanging.
 * - `cache`: the response cache may be a different server (KeyDB) and is bypassed when slow or down.
 */
export type RedisRole = 'worker' | 'producer' | 'cache';

/** Options of {@link createRedisConnection}. */
export interface CreateRedisConnectionOptions {
	/** The server's URL; with `clusterNodes`, only its user name, password and scheme (`rediss` for TLS) are used. */
	readonly url: string;
	readonly role: RedisRole;
	/** A Redis Cluster's startup nodes (a nodes-list setting, parsed); the connection is then a `Cluster`. */
	readonly clusterNodes?: readonly ClusterNode[] | undefined;
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

/** Opens an ioredis connection (a `Cluster` with `clusterNodes`) with the rules of its role; errors are logged, never unhandled. */
export function createRedisConnection(options: CreateRedisConnectionOptions & { readonly clusterNodes?: undefined }): Redis;
export function createRedisConnection(options: CreateRedisConnectionOptions): RedisClient;
export function createRedisConnection(options: CreateRedisConnectionOptions): RedisClient {
	const named = options.connectionName === undefined ? {} : { connectionName: options.connectionName };
	const connection: RedisClient =
		options.clusterNodes === undefined
			? new Redis(options.url, { ...roleOptions[options.role], lazyConnect: false, ...named })
			: new Cluster([...options.clusterNodes], clusterOptions(options, named));
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

// A cluster connection keeps the role's rules: the per-node ones in `redisOptions`, the offline queue and reconnect
// delay on the cluster itself. The credentials and TLS come from the URL, as for one server.
function clusterOptions(options: CreateRedisConnectionOptions, named: { connectionName?: string }): ClusterOptions {
	const { retryStrategy, enableOfflineQueue, ...perNode } = roleOptions[options.role];
	const url = new URL(options.url);
	const credentials = {
		...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
		...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
		...(url.protocol === 'rediss:' ? { tls: {} } : {}),
	};
	return {
		redisOptions: { ...perNode, ...credentials, ...named },
		lazyConnect: false,
		enableReadyCheck: true,
		...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
		clusterRetryStrategy: (attempt) => (typeof retryStrategy === 'function' ? retryStrategy(attempt) : reconnectDelay(attempt)),
		// A failover takes the cluster's node timeout plus an election: keep asking long enough for the replica to take over.
		retryDelayOnFailover: 300,
		retryDelayOnClusterDown: 200,
		retryDelayOnTryAgain: 200,
	};
}

/** Resolves once the connection is ready, or rejects after `timeoutMs` naming the role's server as unreachable. */
export function waitForRedisReady(connection: RedisClient, timeoutMs = 5000): Promise<void> {
	if (connection.status === 'ready') return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			connection.off('ready', onReady);
			reject(new Error(`Redis at ${describeTarget(connection)} was not ready within ${timeoutMs} ms`));
		}, timeoutMs);
		const onReady = () => {
			clearTimeout(timer);
			resolve();
		};
		connection.once('ready', onReady);
	});
}

function describeTarget(connection: RedisClient): string {
	if (connection instanceof Cluster)
		return `the cluster of ${
			connection
				.nodes()
				.map((node) => `${node.options.host}:${node.options.port}`)
				.join(',') || 'its startup nodes'
		}`;
	return `${connection.options.host}:${connection.options.port}`;
}
