import { DiscordLimits } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { parseDiscordResponse, postedMessageSchema } from './discordSchemas.js';
import { identityEmbed } from './identityEmbed.js';
import type { AllowedMentions, PostStyle, ReplyIdentity, ReplyPoster } from './ReplyPoster.js';
import { toDeliveryError } from './toDeliveryError.js';

/** The slash-command interaction a reply answers. */
export interface InteractionTarget {
	readonly applicationId: string;
	readonly interactionToken: string;
}

/**
 * Answers a slash command in the character's name: a response is always the bot's own, so each part is an embed
 * authored by the character (name, avatar, colour) with the reply as its description. The first part fills in the
 * deferred response (`@original`, clearing any notice shown there meanwhile), the rest go as follow-ups. The gateway
 * must have deferred the interaction; an expired token is a 4xx and ends the job. `plain` posts the bare text instead,
 * for the platform's own notices.
 */
export function createInteractionPoster(
	rest: REST,
	interaction: InteractionTarget,
	identity: ReplyIdentity,
	allowedMentions: AllowedMentions,
	style: PostStyle = 'embed',
): ReplyPoster & { readonly target: 'interaction' } {
	return {
		target: 'interaction',
		maxPartLength: style === 'embed' ? DiscordLimits.embedDescription : DiscordLimits.messageContent,
		post: async (content, index) => {
			const first = index === 0;
			const route = first ? 'PATCH /webhooks/:applicationId/:token/messages/@original' : 'POST /webhooks/:applicationId/:token';
			const body =
				style === 'embed'
					? { content: '', embeds: [identityEmbed(identity, content)], allowed_mentions: allowedMentions }
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
