import type { GuildStats } from '@charbot/conversation';
import type { Logger } from '@charbot/core';
import type { QualityControlHooks } from './QualityControlHooks.js';

/**
 * Hooks that record reviews (passed or not) and deliveries (with their latency) in the guild's `/stats` buckets.
 * Writes run beside the job: a failed one is logged, never the job's failure. A delivery counts when this attempt
 * posted something, so a retried job that only skips already posted parts is not counted twice.
 */
export function createGuildStatsHooks(stats: Pick<GuildStats, 'recordReview' | 'recordDelivery'>, logger: Logger): QualityControlHooks {
	const report = (what: string, where: { guildId: string | null; characterId: string }) => (error: unknown) =>
		logger.warn({ err: error, ...where }, `could not record a ${what} in the guild stats`);
	return {
		onReview: ({ guildId, characterId, outcome }) => {
			void stats.recordReview(guildId, characterId, outcome === 'delivered' ? 'passed' : outcome).catch(report('review', { guildId, characterId }));
		},
		onDelivery: ({ guildId, characterId, posted, latencyMs }) => {
			if (posted === 0) return;
			void stats.recordDelivery(guildId, characterId, latencyMs).catch(report('delivery', { guildId, characterId }));
		},
	};
}
