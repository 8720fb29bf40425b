import { createHash } from 'node:crypto';
import type { RedisClient } from './createRedisConnection.js';

/**
 * A Lua script sent by its SHA1 (EVALSHA): a hot path's script then costs Redis no hashing and parsing of its source
 * on every call, and the client no writing of it. Redis answers NOSCRIPT after a restart, a failover or SCRIPT FLUSH;
 * the script is then sent whole once (EVAL), which also loads it again.
 */
export class LuaScript {
	/** The script's SHA1, as Redis names it. */
	public readonly sha: string;

	public constructor(public readonly source: string) {
		this.sha = createHash('sha1').update(source).digest('hex');
	}

	/** Runs the script with `keys` (its KEYS) and `args` (its ARGV). */
	public async run(redis: RedisClient, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
		try {
			return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
		} catch (error) {
			if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
			return redis.eval(this.source, keys.length, ...keys, ...args);
		}
	}
}
