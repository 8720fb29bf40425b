import type { GuildStats } from '@charbot/stores';
import type { Logger } from '@charbot/core';
import type { QualityControlHooks } from './QualityControlHooks.js';

/**
 * Hooks that record reviews (passed or not) in the guild's `/stats` buckets. Writes run beside the job: a failed one
 * is logged, never the job's failure.
 */
export function createGuildStatsHooks(stats: Pick<GuildStats, 'recordReview'>, logger: Logger): QualityControlHooks {
	const report = (what: string, where: { guildId: string | null; characterId: string }) => (error: unknown) =>
		logger.warn({ err: error, ...where }, `could not record a ${what} in the guild stats`);
	return {
		onReview: ({ guildId, characterId, outcome }) => {
			void stats.recordReview(guildId, characterId, outcome === 'delivered' ? 'passed' : outcome).catch(report('review', { guildId, characterId }));
		},
	};
}
