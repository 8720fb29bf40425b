import type { Keyspace, RedisClient } from '@charbot/core';

/** Per-member and per-channel cooldowns: one atomic `SET NX PX` each. */
export class Cooldowns {
	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
	) {}

	/** Starts the cooldown and returns true, or returns false when it is still running. */
	public async tryStart(guildId: string | null, scope: 'user' | 'channel', id: string, seconds: number): Promise<boolean> {
		if (seconds <= 0) return true;
		return (await this.redis.set(this.keys.cooldown(guildId, scope, id), '1', 'PX', seconds * 1000, 'NX')) === 'OK';
	}
}
