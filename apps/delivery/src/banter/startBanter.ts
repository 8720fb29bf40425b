import { type DeliverJob, enqueueRouteJob, type IncomingMessage, MaxJobContentLength, messageJobId, snowflakeSchema } from '@charbot/contracts';
import { truncateText } from '@charbot/core';
import type { ChannelSettings } from '@charbot/stores';
import { Routes } from 'discord.js';
import type { DeliveryDependencies } from '../delivery/DeliveryDependencies.js';
import { toWebhookUsername } from '../delivery/toWebhookUsername.js';
import { type BanterReason, decideBanter } from './decideBanter.js';

/** What {@link startBanter} did with a posted reply. */
export type BanterOutcome =
	| { readonly kind: 'enqueued'; readonly jobId: string }
	| {
			readonly kind: 'not-triggered';
			readonly reason: Exclude<BanterReason, 'triggered'> | 'turn-continues' | 'superseded' | 'channel-cooldown' | 'no-author';
	  };

/** The reply just posted through the channel webhook, as the channel shows it. */
export interface PostedReply {
	/** The first part's id: the id the channel history keeps the reply by. */
	readonly messageId: string;
	/** The webhook's user id the parts were posted under, when this attempt posted one. */
	readonly authorId: string | undefined;
	/** The name the reply was posted under. */
	readonly authorName: string;
}

/**
 * Starts banter from a reply delivery has just posted through a guild channel's webhook: when a character it names (not
 * itself) may answer, adds that character's `route` job (`banter`, one level deeper), until the channel's banter limit.
 * One chain per reply: the whole reply is read at once, after every part is posted; a reply with a character still to
 * answer after it (`followers`) starts none, and neither does one whose turn a member has since superseded. The job id
 * is `messageJobId(reply, character)`, so a retried delivery adds it once. `settings` are the channel's, as the delivery
 * read them for this reply.
 */
export async function startBanter(
	deps: Pick<DeliveryDependencies, 'rest' | 'redis' | 'keys' | 'cooldowns' | 'characters' | 'routeQueue' | 'logger'>,
	data: DeliverJob,
	reply: PostedReply,
	settings: ChannelSettings,
): Promise<BanterOutcome> {
	const { guildId, channelId } = data.message;
	if (guildId === null || data.followers.length > 0) return { kind: 'not-triggered', reason: 'turn-continues' };
	// The pure decision first: most replies name nobody, and then Redis need not be asked whose turn it is.
	const decision = decideBanter({
		content: data.text,
		speaker: { characterId: data.characterId, cascadeDepth: data.cascadeDepth },
		settings,
		characters: deps.characters.list(),
	});
	if (decision.reason !== 'triggered') return { kind: 'not-triggered', reason: decision.reason };
	const currentTurn = await deps.redis.get(deps.keys.channelTurn(guildId, channelId));
	if (data.turnOf !== undefined && currentTurn !== null && currentTurn !== data.turnOf) return { kind: 'not-triggered', reason: 'superseded' };
	// A retry whose parts were all posted before does not know the webhook's user id: the cached webhook id is the same.
	const author = snowflakeSchema.safeParse(reply.authorId ?? (await deps.redis.get(deps.keys.channelWebhook(guildId, channelId))));
	if (!author.success) return { kind: 'not-triggered', reason: 'no-author' };
	if (!(await deps.cooldowns.tryStart(guildId, 'channel', channelId, settings.channelCooldownSeconds)))
		return { kind: 'not-triggered', reason: 'channel-cooldown' };

	// The name the channel shows, as a member (and the gateway, before) reads it.
	const name = toWebhookUsername(reply.authorName);
	const message: IncomingMessage = {
		id: reply.messageId,
		channelId,
		guildId,
		author: { id: author.data, username: name, displayName: name, isBot: true, characterId: data.characterId },
		content: truncateText(data.text, MaxJobContentLength, ''),
		createdAt: Date.now(),
	};
	const { characterId, trigger, cascadeDepth } = decision.answer;
	const jobId = messageJobId(reply.messageId, characterId);
	await enqueueRouteJob(deps.routeQueue, jobId, {
		jobKey: jobId,
		message,
		characterId,
		trigger,
		cascadeDepth,
		followers: [],
		turnOf: data.turnOf ?? reply.messageId,
	});
	deps.logger.info({ jobKey: data.jobKey, channelId, speaker: data.characterId, answers: characterId, cascadeDepth }, 'banter: another character answers');
	// Shows that an answer is coming, as the gateway does for a member's message; a failure only costs the indicator.
	void deps.rest.post(Routes.channelTyping(channelId)).catch((error: unknown) => deps.logger.warn({ err: error, channelId }, 'could not show typing'));
	return { kind: 'enqueued', jobId };
}
