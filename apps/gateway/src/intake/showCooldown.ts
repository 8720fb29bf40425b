import type { TextBasedChannel } from 'discord.js';
import type { IntakeContext } from './IntakeContext.js';
import type { ReceivedMessage } from './ReceivedMessage.js';

/** The reaction on a message a cooldown held back: the member sees it was read, and that nobody will answer it. */
export const CooldownEmoji = '⏳';

/**
 * Reacts to a member's message that called a character while a cooldown was running, so it does not end in silence
 * (throttled per channel like typing; see `RequestThrottle`). Runs beside the handler; a failure (no Add Reactions
 * permission, the message deleted) is logged, never thrown.
 */
export function showCooldown(context: IntakeContext, channel: TextBasedChannel, received: ReceivedMessage): void {
	const settle = context.cooldownReactions.tryStart(received.channelId);
	if (settle === undefined) return;
	const where = { channelId: received.channelId, guildId: received.guildId, messageId: received.id };
	void context.pending.track(
		channel.messages
			.react(received.id, CooldownEmoji)
			.catch((error: unknown) => context.logger.warn({ ...where, err: error }, 'could not react to a message held back by a cooldown'))
			.finally(settle),
	);
}
