import type { GenerationBudget } from '@charbot/stores';
import type { Logger } from '@charbot/core';
import type { RouteJob } from '@charbot/contracts';

/**
 * Charges a regeneration (a reply that failed review, the escalation, a member's 🔄) to the member's and the guild's
 * generation budgets: the gateway reserved only each character's first generation, and only the router sees the others
 * happen. Never refuses (the answer was promised) and charges a job once however often it runs; best effort, like stats:
 * a failed write is logged, never the job's failure.
 */
export async function chargeRegeneration(budget: GenerationBudget, route: RouteJob, jobId: string, logger: Logger): Promise<void> {
	if (route.failedAttempts.length === 0) return;
	const { message } = route;
	// A character's post (banter) has no member to charge; its guild still pays.
	const memberAuthored = !message.author.isBot && message.author.characterId === undefined;
	await budget
		.charge({ guildId: message.guildId, ...(memberAuthored ? { memberId: message.author.id } : {}) }, 1, jobId)
		.catch((error: unknown) => logger.warn({ err: error, jobId, guildId: message.guildId }, 'could not charge a regeneration to the generation budgets'));
}
