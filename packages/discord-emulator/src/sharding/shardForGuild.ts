/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`; DMs (null) go to shard 0. */
export function shardForGuild(guildId: string | null, shardCount: number): number {
	if (guildId === null || shardCount <= 1) return 0;
	return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
