import type { BudgetDecision } from '@charbot/stores';
import type { TextBasedChannel } from 'discord.js';
import type { IntakeContext } from '../intake/IntakeContext.js';
import type { ReceivedMessage } from '../intake/ReceivedMessage.js';
import { showCooldown } from '../intake/showCooldown.js';
import { describeWait } from './describeWait.js';

/** A refusal by one of the generation budgets. */
export type BudgetRefusal = Extract<BudgetDecision, { allowed: false }>;

/** The note a member gets the first time in a window that their own budget held a message back. */
export function memberBudgetText(wait: string): string {
	return `You've kept the characters very busy lately, so they're taking a breather from your messages. They'll answer you again in ${wait}.`;
}

/** The note a channel gets the first time in a window that the server's budget held a message back. */
export function guildBudgetText(wait: string): string {
	return `The characters have talked a lot in this server lately and are resting their voices. They'll be back in ${wait}.`;
}

/** The note for a budget's refusal, saying when the characters answer again. */
export function budgetRefusalText(refusal: BudgetRefusal, wait: string): string {
	return refusal.scope === 'member' ? memberBudgetText(wait) : guildBudgetText(wait);
}

/**
 * Shows a member that a budget held their message back, never silence: the first time in the budget's window a short
 * note replying to the message (per member for their own budget, per channel for the server's), after that the ⏳
 * reaction. Runs beside the handler; a failure is logged, never thrown.
 */
export function showOverBudget(context: IntakeContext, channel: TextBasedChannel, received: ReceivedMessage, refusal: BudgetRefusal): void {
	const now = Date.now();
	const waitMs = Math.max(1000, refusal.retryAt - now);
	const noticeKey =
		refusal.scope === 'member'
			? context.keyspace.budgetNotice(null, 'member', received.authorId)
			: context.keyspace.budgetNotice(received.guildId, 'guild', received.channelId);
	const where = { channelId: received.channelId, guildId: received.guildId, messageId: received.id, budget: refusal.scope };
	void context.pending.track(
		(async () => {
			const first = (await context.redis.set(noticeKey, '1', 'PX', waitMs, 'NX')) === 'OK';
			if (!first || !channel.isSendable()) return showCooldown(context, channel, received);
			const wait = describeWait(waitMs);
			await channel.send({
				content: budgetRefusalText(refusal, wait),
				reply: { messageReference: received.id, failIfNotExists: false },
				allowedMentions: { parse: [], repliedUser: false },
			});
		})().catch((error: unknown) => context.logger.warn({ ...where, err: error }, 'could not tell a member that a generation budget held their message back')),
	);
}
