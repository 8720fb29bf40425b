import { findCalledCharacters, type NamedCharacter } from '@charbot/characters';
import type { ReceivedMessage } from './ReceivedMessage.js';

/**
 * Whether a member's message may have been meant for a character, judged without Redis (no settings, no reply owner):
 * a DM, a bot mention, a reply, or a character's name. Only such messages get an apology when they are given up.
 */
export function mayConcernCharacter(received: ReceivedMessage, characters: readonly NamedCharacter[]): boolean {
	if (received.guildId === null || received.botMentioned || received.replyToMessageId !== undefined) return true;
	return findCalledCharacters(received.content, characters).length > 0;
}
