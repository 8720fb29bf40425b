import type { MessageOwner } from '@charbot/conversation';
import type { Logger } from '@charbot/core';
import type { TextBasedChannel } from 'discord.js';
import type { ReceivedMessage } from '../intake/ReceivedMessage.js';

/**
 * The reply a character post ends. For the last part of a reply posted in several (`earlierParts` in its owner record),
 * the whole reply: every part's text, under the first part's id, which is the id the channel history keeps the reply by.
 * Otherwise the post itself. A part that cannot be read (deleted, or no permission to read history) is left out, logged.
 */
export async function readWholeReply(
	logger: Logger,
	channel: TextBasedChannel,
	received: ReceivedMessage,
	owner: Pick<MessageOwner, 'earlierParts'>,
): Promise<ReceivedMessage> {
	const earlier = owner.earlierParts ?? [];
	const [firstId] = earlier;
	if (firstId === undefined) return received;
	// The message cache holds nothing (bounded caches), so each earlier part is read from Discord; a long reply has few.
	const texts = await Promise.all(
		earlier.map((messageId) =>
			channel.messages.fetch(messageId).then(
				(message) => message.content,
				(error: unknown) => {
					logger.warn({ err: error, channelId: received.channelId, messageId }, 'could not read an earlier part of a character reply; banter reads the rest');
					return undefined;
				},
			),
		),
	);
	const content = [...texts.filter((text) => text !== undefined), received.content].join('\n');
	return { ...received, id: firstId, content };
}
