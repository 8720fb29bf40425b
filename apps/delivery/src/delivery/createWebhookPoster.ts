import { DiscordLimits, type Logger } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import type { ChannelWebhooks } from './ChannelWebhooks.js';
import { parseDiscordResponse, postedMessageSchema, type StoredWebhook } from './discordSchemas.js';
import { findRecentMessages } from './findRecentMessages.js';
import { regenerateButtonRow } from './regenerateButtonRow.js';
import { ReplyGoneError } from './ReplyGoneError.js';
import type { AllowedMentions, PostedMessage, ReplyIdentity, WebhookReplyPoster } from './ReplyPoster.js';
import { isDiscordError, toDeliveryError, UnknownMessageCode, UnknownWebhookCode } from './toDeliveryError.js';
import { toWebhookUsername } from './toWebhookUsername.js';

/** Where and as whom a webhook poster posts. */
export interface WebhookPosterOptions {
	readonly rest: REST;
	readonly webhooks: ChannelWebhooks;
	readonly logger: Logger;
	readonly guildId: string;
	readonly channelId: string;
	readonly identity: ReplyIdentity;
	readonly allowedMentions: AllowedMentions;
	/** Whether the last part of a reply carries the regenerate button. */
	readonly regenerateButton: boolean;
}

const postRoute = 'POST /webhooks/:id/:token';
const editRoute = 'PATCH /webhooks/:id/:token/messages/:id';
const deleteRoute = 'DELETE /webhooks/:id/:token/messages/:id';
// Discord keeps a webhook's components only when asked to; our webhooks are the application's, so it keeps buttons too.
const withComponents = () => new URLSearchParams({ wait: 'true', with_components: 'true' });

/**
 * Posts through the channel's webhook under the character's name and avatar. When Discord calls the webhook
 * unknown (10015: deleted by someone), the cache is dropped, a webhook is found or created again, and the part
 * is sent once more. Edits and deletions of earlier parts (a regeneration) go through the same webhook; a part that
 * is gone, or was posted by a webhook that is gone, throws {@link ReplyGoneError}.
 */
export function createWebhookPoster(options: WebhookPosterOptions): WebhookReplyPoster {
	const components = (last: boolean) => (options.regenerateButton && last ? [regenerateButtonRow()] : []);
	const execute = async (webhook: StoredWebhook, content: string, last: boolean): Promise<PostedMessage> => {
		const posted = await options.rest.post(Routes.webhook(webhook.id, webhook.token), {
			body: {
				content,
				username: toWebhookUsername(options.identity.name),
				...(options.identity.avatarUrl === undefined ? {} : { avatar_url: options.identity.avatarUrl }),
				allowed_mentions: options.allowedMentions,
				components: components(last),
			},
			query: withComponents(),
			auth: false,
		});
		const message = parseDiscordResponse(postedMessageSchema, posted, postRoute);
		return { id: message.id, authorId: message.author?.id ?? webhook.id };
	};
	const gone = (error: unknown, messageId: string, webhook: StoredWebhook): ReplyGoneError | undefined => {
		if (isDiscordError(error, UnknownMessageCode)) return new ReplyGoneError(messageId, 'Discord no longer knows the message (10008)');
		if (isDiscordError(error, UnknownWebhookCode)) {
			// The next post finds or creates another webhook; this message stays with the one that is gone.
			void options.webhooks.forget(options.guildId, options.channelId, webhook).catch((forgetError: unknown) => {
				options.logger.warn({ err: forgetError, channelId: options.channelId }, 'could not forget the unknown channel webhook');
			});
			return new ReplyGoneError(messageId, 'its webhook is gone (10015)');
		}
		return undefined;
	};
	return {
		target: 'webhook',
		maxPartLength: DiscordLimits.messageContent,
		post: async (content, _index, last) => {
			const webhook = await options.webhooks.get(options.guildId, options.channelId);
			try {
				return await execute(webhook, content, last);
			} catch (error) {
				if (!isDiscordError(error, UnknownWebhookCode)) throw toDeliveryError(error, postRoute);
				options.logger.warn(
					{ guildId: options.guildId, channelId: options.channelId, webhookId: webhook.id },
					'channel webhook is unknown to Discord (10015); recreating it',
				);
			}
			await options.webhooks.forget(options.guildId, options.channelId, webhook);
			const fresh = await options.webhooks.get(options.guildId, options.channelId);
			try {
				return await execute(fresh, content, last);
			} catch (error) {
				// Unknown again right after recreating: odd enough to retry later rather than give up.
				if (isDiscordError(error, UnknownWebhookCode))
					throw new Error(`Channel ${options.channelId}'s webhook was unknown again after recreating it; will retry`, { cause: error });
				throw toDeliveryError(error, postRoute);
			}
		},
		findPosted: async (content, _index, sinceMs) => {
			// The channel's webhook now: one recreated since (10015) posted nothing of this reply that still shows.
			const webhook = await options.webhooks.get(options.guildId, options.channelId);
			const username = toWebhookUsername(options.identity.name);
			return findRecentMessages(
				options.rest,
				options.channelId,
				sinceMs,
				(message) => message.webhook_id === webhook.id && message.content === content && (message.author.username ?? username) === username,
			);
		},
		edit: async (messageId, content, last) => {
			const webhook = await options.webhooks.get(options.guildId, options.channelId);
			try {
				const edited = await options.rest.patch(Routes.webhookMessage(webhook.id, webhook.token, messageId), {
					// Always sends components: a part that no longer ends the reply loses its button.
					body: { content, allowed_mentions: options.allowedMentions, components: components(last) },
					query: withComponents(),
					auth: false,
				});
				const message = parseDiscordResponse(postedMessageSchema, edited, editRoute);
				return { id: message.id, authorId: message.author?.id ?? webhook.id };
			} catch (error) {
				throw gone(error, messageId, webhook) ?? toDeliveryError(error, editRoute);
			}
		},
		remove: async (messageId) => {
			const webhook = await options.webhooks.get(options.guildId, options.channelId);
			try {
				await options.rest.delete(Routes.webhookMessage(webhook.id, webhook.token, messageId), { auth: false });
			} catch (error) {
				if (gone(error, messageId, webhook) === undefined) throw toDeliveryError(error, deleteRoute);
			}
		},
	};
}
