import type { DeliverJob } from '@charbot/contracts';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import type { ReplyIdentity } from './ReplyPoster.js';

/** Who a reply is from: the character's display name and avatar, or its id when it is no longer loaded. */
export function identityOf(deps: Pick<DeliveryDependencies, 'characters' | 'logger'>, data: DeliverJob): ReplyIdentity {
	const persona = deps.characters.get(data.characterId);
	if (persona !== undefined) return { name: persona.displayName, avatarUrl: persona.avatarUrl };
	// The reply passed review; a persona removed since then must not lose it.
	deps.logger.warn({ jobKey: data.jobKey, characterId: data.characterId }, 'character is no longer loaded; delivering under its id');
	return { name: data.characterId, avatarUrl: undefined };
}
