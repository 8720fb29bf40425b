import { colorValue } from '@charbot/characters';
import type { DeliverJob } from '@charbot/contracts';
import { createBotMessagePoster } from './createBotMessagePoster.js';
import { createInteractionPoster } from './createInteractionPoster.js';
import { createWebhookPoster } from './createWebhookPoster.js';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import type { AllowedMentions, ReplyIdentity, ReplyPoster, WebhookReplyPoster } from './ReplyPoster.js';

/** The poster of one reply: a channel webhook's, which can also edit, or another target's. */
export type SelectedPoster = WebhookReplyPoster | (ReplyPoster & { readonly target: 'bot' | 'interaction' });

/**
 * An interaction's response, a DM's bot message, or a guild channel's webhook; only the webhook's replies carry the
 * regenerate button, and only when `regenerateButton` says so (the channel's `regenerate` setting).
 */
export function selectPoster(deps: DeliveryDependencies, job: DeliverJob, identity: ReplyIdentity, regenerateButton = false): SelectedPoster {
	const mentions = allowedMentionsFor(job);
	const { channelId, guildId } = job.message;
	const color = deps.characters.get(job.characterId)?.color;
	const shown: ReplyIdentity = color === undefined ? identity : { ...identity, color: colorValue({ color }) };
	if (job.interaction !== undefined) return createInteractionPoster(deps.rest, job.interaction, shown, mentions);
	// A DM is always from the bot's account. With one character loaded the bot can only be speaking as it, and plain
	// text reads like any direct message; with a cast, an embed authored by the character is the only way Discord shows
	// whose line it is (the member may switch characters mid-conversation), without a "**Name**:" prefix in the text.
	if (guildId === null) return createBotMessagePoster(deps.rest, channelId, shown, mentions, deps.characters.list().length > 1 ? 'embed' : 'plain');
	return createWebhookPoster({
		rest: deps.rest,
		webhooks: deps.webhooks,
		logger: deps.logger,
		guildId,
		channelId,
		identity: shown,
		allowedMentions: mentions,
		regenerateButton,
	});
}

/**
 * Nobody may be pinged but the member being answered (never @everyone, @here or roles, whatever the text says); a
 * greeting answers nobody, so it pings no one at all.
 */
export function allowedMentionsFor(job: DeliverJob): AllowedMentions {
	return job.message.author.isBot || job.trigger === 'greeting' ? { parse: [] } : { parse: [], users: [job.message.author.id] };
}
