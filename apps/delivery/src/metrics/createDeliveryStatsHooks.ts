import type { GuildStats } from '@charbot/stores';
import type { DeliveryHooks } from './DeliveryHooks.js';

/**
 * Hooks that record deliveries (with their latency) in the guild's `/stats` buckets. `GuildStats` holds them and writes
 * them in batches beside the jobs: a failed write is logged there, never a job's failure. A delivery counts when this
 * attempt posted something, so a retried job that only skips already posted parts is not counted twice.
 */
export function createDeliveryStatsHooks(stats: Pick<GuildStats, 'recordDelivery'>): DeliveryHooks {
	return {
		onDelivery: ({ guildId, characterId, posted, latencyMs }) => {
			if (posted > 0) stats.recordDelivery(guildId, characterId, latencyMs);
		},
	};
}
