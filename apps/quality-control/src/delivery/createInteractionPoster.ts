import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { boldNamePrefix } from './boldNamePrefix.js';
import { parseDiscordResponse, postedMessageSchema } from './discordSchemas.js';
import { identityEmbed } from './identityEmbed.js';
import type { AllowedMentions, ReplyIdentity, ReplyPoster } from './ReplyPoster.js';
import { DiscordMessageLimit } from './splitMessage.js';
import { toDeliveryError } from './toDeliveryError.js';

/** The slash-command interaction a reply answers. */
export interface InteractionTarget {
	readonly applicationId: string;
	readonly interactionToken: string;
}

/**
 * Answers a slash command: the first part fills in the deferred response (`@original`) with the character's name in
 * bold and an embed showing its name and avatar (a response is always the bot's own), the rest go as follow-ups.
 * The gateway must have deferred the interaction; an expired token is a 4xx and ends the job.
 */
export function createInteractionPoster(rest: REST, interaction: InteractionTarget, identity: ReplyIdentity, allowedMentions: AllowedMentions): ReplyPoster {
	const prefix = boldNamePrefix(identity.name);
	return {
		target: 'interaction',
		maxPartLength: DiscordMessageLimit - prefix.length,
		post: async (content, index) => {
			const first = index === 0;
			const route = first ? 'PATCH /webhooks/:applicationId/:token/messages/@original' : 'POST /webhooks/:applicationId/:token';
			const body = first
				? { content: `${prefix}${content}`, embeds: [identityEmbed(identity)], allowed_mentions: allowedMentions }
				: { content, allowed_mentions: allowedMentions };
			const request = first
				? rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.interactionToken, '@original'), { body, auth: false })
				: rest.post(Routes.webhook(interaction.applicationId, interaction.interactionToken), { body, auth: false });
			const posted = await request.catch((error: unknown) => {
				throw toDeliveryError(error, route);
			});
			const message = parseDiscordResponse(postedMessageSchema, posted, route);
			return { id: message.id, authorId: message.author?.id };
		},
	};
}
