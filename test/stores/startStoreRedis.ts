import { createLogger, createRedisConnection, waitForRedisReady } from '@charbot/core';
import { type RedisServer, startRedisServer } from '@charbot/testkit';
import type { Redis } from 'ioredis';

/** A private redis-server and one ready connection to it, as the tests of Redis-backed stores use them. */
export interface StoreRedis {
	readonly server: RedisServer;
	readonly redis: Redis;
	/** Disconnects and stops the server. */
	close(): Promise<void>;
}

/** Starts a redis-server on a free port and connects to it (a silent logger: the tests read no connection logs). */
export async function startStoreRedis(): Promise<StoreRedis> {
	const server = await startRedisServer();
	const redis = createRedisConnection({ url: server.url, role: 'producer', logger: createLogger({ name: 'test', level: 'silent', format: 'json' }) });
	await waitForRedisReady(redis);
	return {
		server,
		redis,
		close: async () => {
			redis.disconnect();
			await server.close();
		},
	};
}
