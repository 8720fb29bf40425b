import type { TextBasedChannel } from 'discord.js';
import type { IntakeContext } from './IntakeContext.js';
import type { ReceivedMessage } from './ReceivedMessage.js';

/**
 * Shows that an answer is coming: typing in the channel (at most one request per channel per few seconds, none while
 * many are queued; see `RequestThrottle`), and the backlog note when the queue is long. Both run beside the handler
 * (tracked for shutdown); their failures are logged, never thrown.
 */
export function showActivity(context: IntakeContext, channel: TextBasedChannel, received: ReceivedMessage): void {
	if (!channel.isSendable()) return;
	const where = { channelId: received.channelId, guildId: received.guildId, messageId: received.id };
	const typed = context.typing.tryStart(received.channelId);
	if (typed !== undefined) {
		void context.pending.track(
			channel
				.sendTyping()
				.catch((error: unknown) => context.logger.warn({ ...where, err: error }, 'could not show typing'))
				.finally(typed),
		);
	}
	void context.pending.track(
		context.backlog
			.notify(channel, received.guildId, received.channelId)
			.then((posted) => {
				if (posted) context.logger.info(where, 'route queue backlog is long: posted the waiting note');
			})
			.catch((error: unknown) => context.logger.warn({ ...where, err: error }, 'could not post the backlog note')),
	);
}
