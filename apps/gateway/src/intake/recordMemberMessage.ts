import type { ImageRef } from '@charbot/contracts';
import type { IntakeContext } from './IntakeContext.js';
import { toImageRefs } from './toIncomingMessage.js';
import type { ReceivedMessage } from './ReceivedMessage.js';

/** How long a message id is remembered as recorded, covering gateway replays and a second replica. */
const seenTtlSeconds = 15 * 60;

/** How far recording got; kept across tries of one message, so a try after a Redis error appends what the first one claimed. */
export interface RecordProgress {
	seenClaimed?: boolean;
}

/**
 * The text the history keeps: the message and a short note per picture it showed. Pictures are seen only with the
 * message being answered; later prompts know from the note that one was posted.
 */
function withPictureNotes(content: string, images: readonly ImageRef[]): string {
	return [content, ...images.map((image) => `(picture: ${image.name})`)].filter((part) => part !== '').join('\n');
}

/** Appends a member's message to the channel history once, even when the event arrives twice; true when this call recorded it. */
export async function recordMemberMessage(context: IntakeContext, received: ReceivedMessage, progress: RecordProgress = {}): Promise<boolean> {
	if (progress.seenClaimed !== true) {
		const seenKey = context.keyspace.seenMessage(received.guildId, received.id);
		const first = (await context.redis.set(seenKey, '1', 'EX', seenTtlSeconds, 'NX')) === 'OK';
		if (!first) return false;
		progress.seenClaimed = true;
	}
	const images = toImageRefs(received);
	await context.history.append(received.guildId, received.channelId, {
		messageId: received.id,
		authorId: received.authorId,
		authorName: received.displayName,
		content: withPictureNotes(received.content, images),
		at: received.createdAt,
		...(images.length === 0 ? {} : { images }),
	});
	return true;
}
