import { continueTurn, type DeliverJob, MaxReplyParts, parseJobData, QueueName } from '@charbot/contracts';
import { DiscordLimits, runHook } from '@charbot/core';
import type { ChannelSettings, MessageOwner, RegenerableReply } from '@charbot/stores';
import type { Job } from 'bullmq';
import { startBanter } from '../banter/startBanter.js';
import type { DeliverJobResult } from './DeliverJobResult.js';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import { deliverRegeneration } from './deliverRegeneration.js';
import { identityOf } from './identityOf.js';
import { postNotice } from './postNotice.js';
import { postPartOnce } from './postPartOnce.js';
import { selectPoster } from './selectPoster.js';
import { splitMessage } from './splitMessage.js';

/**
 * The `deliver` worker's processor: splits the reply, posts each part not yet in the `DeliveryLedger` under a claim and
 * records it before the next ({@link postPartOnce}: a retried or doubled job never posts a part twice). The transaction
 * that records a part also remembers its owner (every part but the last says another follows, so a split reply starts
 * banter once); the last part's also appends the reply to the channel history and records it as regenerable when it
 * carries the regenerate button, so a retry that finds a part recorded has nothing left to write. Then it
 * gives the next character addressed with this one its turn, or starts banter when the reply names another character
 * ({@link startBanter}; delivery knows the speaker and depth, so nobody waits for the post to come back). A regeneration (`replaces`) edits the reply in place
 * instead ({@link deliverRegeneration}); a notice job (`kind: 'notice'`) is posted as the bot ({@link postNotice}).
 */
export function createDeliverProcessor(deps: DeliveryDependencies): (job: Job, token?: string) => Promise<DeliverJobResult> {
	return async (job, token) => {
		const data = parseJobData(QueueName.Deliver, job.data);
		if (data.kind === 'notice') return postNotice(deps, job, token, data);
		if (data.replaces !== undefined) return deliverRegeneration(deps, job, token, { ...data, replaces: data.replaces });
		const { guildId, channelId } = data.message;
		const identity = identityOf(deps, data);
		// A channel's settings, read once for the regenerate button and for banter; an answer to a command needs neither.
		const settings = guildId === null || data.interaction !== undefined ? undefined : await deps.settings.effective(guildId, channelId);
		const regenerable = offersRegenerate(data, settings);
		const poster = selectPoster(deps, data, identity, regenerable);
		const parts = splitMessage(data.text, poster.maxPartLength);
		const messageIds: string[] = [];
		let authorId: string | undefined;
		let posted = 0;
		for (const [index, part] of parts.entries()) {
			const last = index === parts.length - 1;
			const earlierParts = [...messageIds];
			const outcome = await postPartOnce(deps, job, token, {
				guildId,
				jobKey: data.jobKey,
				index,
				post: () => poster.post(part, index, last),
				findPosted: poster.findPosted && ((sinceMs) => poster.findPosted?.(part, index, sinceMs) ?? Promise.resolve([])),
				// Written in the transaction that records the part, so a part found recorded has them all.
				recordedWith: (message) => (transaction) => {
					deps.owners.rememberIn(transaction, guildId, message.id, ownerOf(data, index, parts.length, earlierParts));
					if (!last) return;
					const replyIds = [...earlierParts, message.id];
					const entry = { messageId: replyIds[0] as string, authorId: authorId ?? message.authorId ?? data.characterId, authorName: identity.name };
					deps.history.appendIn(transaction, guildId, channelId, {
						...entry,
						characterId: data.characterId,
						content: data.text,
						at: Date.now(),
						answers: data.message.id,
					});
					if (regenerable && guildId !== null) deps.replies.rememberIn(transaction, guildId, regenerableReplyOf(data, replyIds));
				},
			});
			if ('postedNow' in outcome) {
				authorId ??= outcome.postedNow.authorId;
				posted += 1;
			}
			messageIds.push('postedNow' in outcome ? outcome.postedNow.id : outcome.postedBefore);
		}
		const replyId = messageIds[0] ?? data.message.id;
		// After the history holds this reply, so the next character's prompt sees it.
		await continueTurn(deps.routeQueue, data);
		// Only a channel webhook's post is a character speaking in the channel (a DM or an interaction answer starts none).
		if (poster.target === 'webhook' && settings !== undefined) {
			const banter = await startBanter(deps, data, { messageId: replyId, authorId, authorName: identity.name }, settings);
			if (banter.kind === 'not-triggered') deps.logger.debug({ jobKey: data.jobKey, channelId, reason: banter.reason }, 'no banter from this reply');
		}
		const skipped = parts.length - posted;
		const latencyMs = Math.max(0, Date.now() - data.message.createdAt);
		runHook(deps.logger, 'a delivery metrics hook', () =>
			deps.hooks.onDelivery?.({ guildId, characterId: data.characterId, target: poster.target, parts: parts.length, posted, skipped, latencyMs }),
		);
		deps.logger.info(
			{ jobKey: data.jobKey, characterId: data.characterId, channelId, target: poster.target, parts: parts.length, posted, skipped },
			'reply delivered',
		);
		return { messageIds, posted, skipped };
	};
}

/**
 * Whether the reply gets the regenerate button: a character's reply in a guild channel (posted through the webhook, so
 * it can be edited in place), not a greeting (persona text answering nobody), short enough for a regeneration to edit
 * every part (split as the webhook splits it), in a channel whose `regenerate` setting is on (no `settings`: a DM or
 * the answer to a command).
 */
function offersRegenerate(data: DeliverJob, settings: ChannelSettings | undefined): boolean {
	if (settings === undefined || data.trigger === 'greeting') return false;
	if (splitMessage(data.text, DiscordLimits.messageContent).length > MaxReplyParts) return false;
	return settings.regenerate;
}

/**
 * Who posted part `index` of the reply. Only the last part of a reply may start banter, once, for the whole reply: the
 * others say a part follows; the last one lists the earlier parts.
 */
function ownerOf(data: DeliverJob, index: number, parts: number, earlierParts: readonly string[]): MessageOwner {
	return {
		characterId: data.characterId,
		cascadeDepth: data.cascadeDepth,
		...(data.followers.length > 0 ? { turnContinues: true } : {}),
		...(index < parts - 1 ? { replyContinues: true } : {}),
		...(index > 0 && index === parts - 1 ? { earlierParts: [...earlierParts] } : {}),
		...(data.turnOf === undefined ? {} : { turnOf: data.turnOf }),
	};
}

/** The record that lets a member regenerate the reply posted as `messageIds`. */
function regenerableReplyOf(data: DeliverJob, messageIds: string[]): RegenerableReply {
	const { jobKey, message, characterId, trigger, cascadeDepth, turnOf } = data;
	return { jobKey, message, characterId, trigger, cascadeDepth, ...(turnOf === undefined ? {} : { turnOf }), text: data.text, model: data.model, messageIds };
}
