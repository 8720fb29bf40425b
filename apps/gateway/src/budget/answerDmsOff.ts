import type { TextBasedChannel } from 'discord.js';
import type { IntakeContext } from '../intake/IntakeContext.js';
import type { ReceivedMessage } from '../intake/ReceivedMessage.js';

/** The reply to a direct message while an operator has DMs turned off (`DMS_ENABLED=false`). */
export const DmsOffText = "The characters only talk in servers — come say hi to them there! (They don't answer direct messages here.)";

// One reply a day per member: enough to explain, never a conversation with the bot itself.
const noticeTtlSeconds = 86_400;

/**
 * Answers a direct message while DMs are off: the short note the first time in a day for the member, nothing after
 * (they were told). Nothing is recorded and nothing is generated. Runs beside the handler; a failure is logged.
 */
export function answerDmsOff(context: IntakeContext, channel: TextBasedChannel, received: ReceivedMessage): void {
	const where = { channelId: received.channelId, messageId: received.id, userId: received.authorId };
	void context.pending.track(
		(async () => {
			const first = (await context.redis.set(context.keyspace.dmsOffNotice(received.authorId), '1', 'EX', noticeTtlSeconds, 'NX')) === 'OK';
			if (first && channel.isSendable()) await channel.send({ content: DmsOffText, allowedMentions: { parse: [] } });
		})().catch((error: unknown) => context.logger.warn({ ...where, err: error }, 'could not tell a member that DMs are off')),
	);
}
