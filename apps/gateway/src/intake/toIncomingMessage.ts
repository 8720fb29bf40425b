import { type IncomingMessage, MaxJobContentLength, snowflakeSchema } from '@charbot/contracts';
import { truncateText } from '@charbot/core';
import type { ReceivedMessage } from './ReceivedMessage.js';

const maxNameLength = 100;

/**
 * The `message` of a route job, cut to the job schema's limits so hostile input cannot make it invalid.
 * `characterId` marks a post by one of our characters (banter).
 */
export function toIncomingMessage(received: ReceivedMessage, characterId?: string): IncomingMessage {
	const username = truncateText(received.username.trim(), maxNameLength, '') || 'unknown';
	const displayName = truncateText(received.displayName.trim(), maxNameLength, '') || username;
	const replyTo = received.replyToMessageId;
	return {
		id: received.id,
		channelId: received.channelId,
		guildId: received.guildId,
		author: { id: received.authorId, username, displayName, isBot: received.authorIsBot, ...(characterId === undefined ? {} : { characterId }) },
		content: truncateText(received.content, MaxJobContentLength, ''),
		createdAt: received.createdAt,
		...(replyTo !== undefined && snowflakeSchema.safeParse(replyTo).success ? { replyToMessageId: replyTo } : {}),
	};
}
