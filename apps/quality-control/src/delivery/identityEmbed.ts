import type { ReplyIdentity } from './ReplyPoster.js';

/** Longest embed author name Discord accepts. */
const authorNameLimit = 256;

/**
 * An embed that shows who is speaking with the character's name and avatar, for messages that are not posted under
 * the character's own name (interaction responses are always the bot's). The text stays in `content`.
 */
export function identityEmbed(identity: ReplyIdentity): { author: { name: string; icon_url?: string } } {
	const name = Array.from(identity.name.replace(/\s+/gu, ' ').trim() || 'Character')
		.slice(0, authorNameLimit)
		.join('');
	return { author: { name, ...(identity.avatarUrl === undefined ? {} : { icon_url: identity.avatarUrl }) } };
}
