import type { ImageRef } from '@charbot/contracts';
import type { IntakeContext } from './IntakeContext.js';
import { toImageRefs } from './toIncomingMessage.js';
import type { ReceivedMessage } from './ReceivedMessage.js';

/** How long a message id is remembered as recorded, covering gateway replays and a second replica. */
const seenTtlSeconds = 15 * 60;

/** How far recording got; kept across tries of one message (and in the spool), so a later try does not record it again. */
export interface RecordProgress {
	/** The message's seen-key was claimed and the message recorded, in one script: nothing is left to do. */
	seenClaimed?: boolean;
}

/**
 * The text the history keeps: the message and a short note per picture it showed. Pictures are seen only with the
 * message being answered; later prompts know from the note that one was posted.
 */
function withPictureNotes(content: string, images: readonly ImageRef[]): string {
	return [content, ...images.map((image) => `(picture: ${image.name})`)].filter((part) => part !== '').join('\n');
}

/**
 * Appends a member's message to the channel history once, even when the event arrives twice (the seen-key's claim and the
 * append are one script, one round trip); true when this call recorded it.
 */
export async function recordMemberMessage(context: IntakeContext, received: ReceivedMessage, progress: RecordProgress = {}): Promise<boolean> {
	if (progress.seenClaimed === true) return false;
	const images = toImageRefs(received);
	const entry = {
		messageId: received.id,
		authorId: received.authorId,
		authorName: received.displayName,
		content: withPictureNotes(received.content, images),
		at: received.createdAt,
		...(images.length === 0 ? {} : { images }),
	};
	const once = { key: context.keyspace.seenMessage(received.guildId, received.id), ttlSeconds: seenTtlSeconds };
	const recorded = await context.history.appendOnce(received.guildId, received.channelId, entry, once);
	progress.seenClaimed = true;
	return recorded;
}
