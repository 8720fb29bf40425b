import { DiscordLimits } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { parseDiscordResponse, postedMessageSchema } from './discordSchemas.js';
import { identityEmbed } from './identityEmbed.js';
import { findRecentMessages } from './findRecentMessages.js';
import type { AllowedMentions, PostStyle, ReplyIdentity, ReplyPoster } from './ReplyPoster.js';
import { toDeliveryError } from './toDeliveryError.js';

const route = 'POST /channels/:id/messages';

/**
 * Posts as the bot itself (DMs have no webhooks, so the message is always under the bot's name and avatar). With
 * `embed`, each part is an embed authored by the character, which is how Discord shows another speaker's name and
 * avatar on a bot's message; `plain` posts the bare text, for when the bot can only be speaking as one character (or
 * for the platform's own notices). With `replyTo`, each part replies to that message (a deleted one does not fail it).
 */
export function createBotMessagePoster(
	rest: REST,
	channelId: string,
	identity: ReplyIdentity,
	allowedMentions: AllowedMentions,
	style: PostStyle,
	replyTo?: string,
): ReplyPoster & { readonly target: 'bot' } {
	const reference = replyTo === undefined ? {} : { message_reference: { message_id: replyTo, fail_if_not_exists: false } };
	return {
		target: 'bot',
		maxPartLength: style === 'embed' ? DiscordLimits.embedDescription : DiscordLimits.messageContent,
		post: async (content) => {
			const body = {
				...(style === 'embed' ? { embeds: [identityEmbed(identity, content)] } : { content }),
				allowed_mentions: allowedMentions,
				...reference,
			};
			const posted = await rest.post(Routes.channelMessages(channelId), { body }).catch((error: unknown) => {
				throw toDeliveryError(error, route);
			});
			const message = parseDiscordResponse(postedMessageSchema, posted, route);
			return { id: message.id, authorId: message.author?.id };
		},
		findPosted: async (content, _index, sinceMs) => {
			const shows = (message: { content: string; embeds: readonly { description?: string | undefined }[] }) =>
				style === 'embed' ? message.embeds[0]?.description === content : message.content === content;
			const self = await botUserId(rest);
			return findRecentMessages(rest, channelId, sinceMs, (message) => message.author.id === self && message.webhook_id === undefined && shows(message));
		},
	};
}

const botUserIds = new WeakMap<REST, Promise<string>>();

/** The bot's user id, asked once per REST client (`GET /users/@me`). */
function botUserId(rest: REST): Promise<string> {
	let id = botUserIds.get(rest);
	if (id === undefined) {
		id = rest.get(Routes.user('@me')).then((user) => parseDiscordResponse(postedMessageSchema.pick({ id: true }), user, 'GET /users/@me').id);
		// A failed ask is not remembered: the next lookup asks again.
		id.catch(() => botUserIds.delete(rest));
		botUserIds.set(rest, id);
	}
	return id;
}
