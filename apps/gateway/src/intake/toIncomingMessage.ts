import { type ImageRef, imageRefSchema, type IncomingMessage, MaxImageRefs, MaxJobContentLength, snowflakeSchema } from '@charbot/contracts';
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
	const images = toImageRefs(received);
	return {
		id: received.id,
		channelId: received.channelId,
		guildId: received.guildId,
		author: { id: received.authorId, username, displayName, isBot: received.authorIsBot, ...(characterId === undefined ? {} : { characterId }) },
		content: truncateText(received.content, MaxJobContentLength, ''),
		createdAt: received.createdAt,
		...(replyTo !== undefined && snowflakeSchema.safeParse(replyTo).success ? { replyToMessageId: replyTo } : {}),
		...(images.length === 0 ? {} : { images }),
	};
}

/** The message's pictures as the job schema takes them: names cut to fit, any address it refuses left out. */
export function toImageRefs(received: Pick<ReceivedMessage, 'images'>): ImageRef[] {
	const refs: ImageRef[] = [];
	for (const image of received.images) {
		const parsed = imageRefSchema.safeParse({ ...image, name: truncateText(image.name.trim(), 200, '') || 'image' });
		if (parsed.success) refs.push(parsed.data);
		if (refs.length === MaxImageRefs) break;
	}
	return refs;
}
