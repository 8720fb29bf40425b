import { type ChannelSettings, type MemberMemory } from '@charbot/stores';
import { extractRememberedFact } from './extractRememberedFact.js';

/**
 * Stores the fact in a member's "remember that I …" (see `extractRememberedFact`) when the channel's `memory`
 * setting is on; resolves to the fact stored, if any. Called before the route job is enqueued, so the character's
 * prompt already holds the fact and its reply can acknowledge it.
 */
export async function rememberAskedFact(
	memory: Pick<MemberMemory, 'add'>,
	settings: Pick<ChannelSettings, 'memory'>,
	guildId: string | null,
	authorId: string,
	content: string,
): Promise<string | undefined> {
	if (!settings.memory) return undefined;
	const fact = extractRememberedFact(content);
	if (fact === undefined) return undefined;
	await memory.add(guildId, authorId, fact);
	return fact;
}
