import type { MessageOwner } from '@charbot/conversation';
import type { IntakeContext } from '../intake/IntakeContext.js';
import type { ReceivedMessage } from '../intake/ReceivedMessage.js';
import { matchCharacterByName } from './matchCharacterByName.js';

/** Who wrote a character post: from the delivery worker's record, or only guessed from the webhook name. */
export type Speaker = { readonly source: 'owner'; readonly owner: MessageOwner } | { readonly source: 'name'; readonly characterId: string };

/**
 * Finds the character behind a post of our channel webhook. The delivery worker records the owner right after
 * posting, which can be a moment after the gateway event arrives, so the record is polled briefly; after that the
 * webhook's display name is matched to a persona.
 */
export async function findSpeaker(context: IntakeContext, received: ReceivedMessage): Promise<Speaker | undefined> {
	const deadline = Date.now() + context.ownerLookup.timeoutMs;
	for (;;) {
		const owner = await context.owners.owner(received.guildId, received.id);
		if (owner !== undefined) return { source: 'owner', owner };
		if (Date.now() >= deadline) break;
		await new Promise((resolve) => setTimeout(resolve, context.ownerLookup.intervalMs));
	}
	const characterId = matchCharacterByName(received.displayName, context.characters());
	return characterId === undefined ? undefined : { source: 'name', characterId };
}
