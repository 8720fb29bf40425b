import type { Logger } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import type { ChannelWebhooks } from './ChannelWebhooks.js';
import { parseDiscordResponse, postedMessageSchema, type StoredWebhook } from './discordSchemas.js';
import type { AllowedMentions, PostedMessage, ReplyIdentity, ReplyPoster } from './ReplyPoster.js';
import { DiscordMessageLimit } from './splitMessage.js';
import { isDiscordError, toDeliveryError, UnknownWebhookCode } from './toDeliveryError.js';
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
}

const route = 'POST /webhooks/:id/:token';

/**
 * Posts through the channel's webhook under the character's name and avatar. When Discord calls the webhook
 * unknown (10015: deleted by someone), the cache is dropped, a webhook is found or created again, and the part
 * is sent once more.
 */
export function createWebhookPoster(options: WebhookPosterOptions): ReplyPoster {
	const body = (content: string) => ({
		content,
		username: toWebhookUsername(options.identity.name),
		...(options.identity.avatarUrl === undefined ? {} : { avatar_url: options.identity.avatarUrl }),
		allowed_mentions: options.allowedMentions,
	});
	const execute = async (webhook: StoredWebhook, content: string): Promise<PostedMessage> => {
		const posted = await options.rest.post(Routes.webhook(webhook.id, webhook.token), {
			body: body(content),
			query: new URLSearchParams({ wait: 'true' }),
			auth: false,
		});
		const message = parseDiscordResponse(postedMessageSchema, posted, route);
		return { id: message.id, authorId: message.author?.id ?? webhook.id };
	};
	return {
		target: 'webhook',
		maxPartLength: DiscordMessageLimit,
		post: async (content) => {
			const webhook = await options.webhooks.get(options.guildId, options.channelId);
			try {
				return await execute(webhook, content);
			} catch (error) {
				if (!isDiscordError(error, UnknownWebhookCode)) throw toDeliveryError(error, route);
				options.logger.warn(
					{ guildId: options.guildId, channelId: options.channelId, webhookId: webhook.id },
					'channel webhook is unknown to Discord (10015); recreating it',
				);
			}
			await options.webhooks.forget(options.guildId, options.channelId, webhook);
			const fresh = await options.webhooks.get(options.guildId, options.channelId);
			try {
				return await execute(fresh, content);
			} catch (error) {
				// Unknown again right after recreating: odd enough to retry later rather than give up.
				if (isDiscordError(error, UnknownWebhookCode))
					throw new Error(`Channel ${options.channelId}'s webhook was unknown again after recreating it; will retry`, { cause: error });
				throw toDeliveryError(error, route);
			}
		},
	};
}
