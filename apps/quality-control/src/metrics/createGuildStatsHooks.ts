import type { GuildStats } from '@charbot/stores';
import type { QualityControlHooks } from './QualityControlHooks.js';

/**
 * Hooks that record reviews (passed or not) in the guild's `/stats` buckets. `GuildStats` holds them and writes them in
 * batches beside the jobs: a failed write is logged there, never a job's failure.
 */
export function createGuildStatsHooks(stats: Pick<GuildStats, 'recordReview'>): QualityControlHooks {
	return {
		onReview: ({ guildId, characterId, outcome }) => stats.recordReview(guildId, characterId, outcome === 'delivered' ? 'passed' : outcome),
	};
}
