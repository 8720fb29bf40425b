import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { boldNamePrefix } from './boldNamePrefix.js';
import { parseDiscordResponse, postedMessageSchema } from './discordSchemas.js';
import type { AllowedMentions, ReplyIdentity, ReplyPoster } from './ReplyPoster.js';
import { DiscordMessageLimit } from './splitMessage.js';
import { toDeliveryError } from './toDeliveryError.js';

const route = 'POST /channels/:id/messages';

/** Posts as the bot itself (DMs have no webhooks), the first part starting with the character's name in bold. */
export function createBotMessagePoster(rest: REST, channelId: string, identity: ReplyIdentity, allowedMentions: AllowedMentions): ReplyPoster {
	const prefix = boldNamePrefix(identity.name);
	return {
		target: 'bot',
		maxPartLength: DiscordMessageLimit - prefix.length,
		post: async (content, index) => {
			const body = { content: index === 0 ? `${prefix}${content}` : content, allowed_mentions: allowedMentions };
			const posted = await rest.post(Routes.channelMessages(channelId), { body }).catch((error: unknown) => {
				throw toDeliveryError(error, route);
			});
			const message = parseDiscordResponse(postedMessageSchema, posted, route);
			return { id: message.id, authorId: message.author?.id };
		},
	};
}
