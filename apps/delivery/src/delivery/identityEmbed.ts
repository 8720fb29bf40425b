import { DiscordLimits, truncateText } from '@charbot/core';
import type { APIEmbed } from 'discord.js';
import type { ReplyIdentity } from './ReplyPoster.js';

/**
 * A reply part as an embed authored by the character (its name and avatar above the text, its colour on the side), for
 * messages that cannot be posted under the character's own name: interaction responses and DMs are always the bot's.
 * Mentions inside an embed never ping.
 */
export function identityEmbed(identity: ReplyIdentity, text: string): APIEmbed {
	const name = truncateText(identity.name.replace(/\s+/gu, ' ').trim() || 'Character', DiscordLimits.embedAuthorName, '');
	return {
		author: { name, ...(identity.avatarUrl === undefined ? {} : { icon_url: identity.avatarUrl }) },
		description: text,
		...(identity.color === undefined ? {} : { color: identity.color }),
	};
}
