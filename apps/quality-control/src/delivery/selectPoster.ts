import type { DeliverJob } from '@charbot/core';
import { createBotMessagePoster } from './createBotMessagePoster.js';
import { createInteractionPoster } from './createInteractionPoster.js';
import { createWebhookPoster } from './createWebhookPoster.js';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import type { AllowedMentions, ReplyIdentity, ReplyPoster } from './ReplyPoster.js';

/** An interaction's response, a DM's bot message, or a guild channel's webhook. */
export function selectPoster(deps: DeliveryDependencies, job: DeliverJob, identity: ReplyIdentity): ReplyPoster {
	const mentions = allowedMentionsFor(job);
	const { channelId, guildId } = job.message;
	if (job.interaction !== undefined) return createInteractionPoster(deps.rest, job.interaction, identity, mentions);
	if (guildId === null) return createBotMessagePoster(deps.rest, channelId, identity, mentions);
	return createWebhookPoster({ rest: deps.rest, webhooks: deps.webhooks, logger: deps.logger, guildId, channelId, identity, allowedMentions: mentions });
}

/** Nobody may be pinged but the member being answered (never @everyone, @here or roles, whatever the text says). */
export function allowedMentionsFor(job: DeliverJob): AllowedMentions {
	return job.message.author.isBot ? { parse: [] } : { parse: [], users: [job.message.author.id] };
}
