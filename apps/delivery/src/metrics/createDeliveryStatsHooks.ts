import type { GuildStats } from '@charbot/stores';
import type { Logger } from '@charbot/core';
import type { DeliveryHooks } from './DeliveryHooks.js';

/**
 * Hooks that record deliveries (with their latency) in the guild's `/stats` buckets. Writes run beside the job: a failed
 * one is logged, never the job's failure. A delivery counts when this attempt posted something, so a retried job that
 * only skips already posted parts is not counted twice.
 */
export function createDeliveryStatsHooks(stats: Pick<GuildStats, 'recordDelivery'>, logger: Logger): DeliveryHooks {
	return {
		onDelivery: ({ guildId, characterId, posted, latencyMs }) => {
			if (posted === 0) return;
			void stats
				.recordDelivery(guildId, characterId, latencyMs)
				.catch((error: unknown) => logger.warn({ err: error, guildId, characterId }, 'could not record a delivery in the guild stats'));
		},
	};
}
