import { continueTurn, type DeliverJob, MaxReplyParts, parseJobData, QueueName } from '@charbot/contracts';
import { DiscordLimits, runHook } from '@charbot/core';
import type { ChannelSettings } from '@charbot/stores';
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
 * records it before the next ({@link postPartOnce}: a retried or doubled job never posts a part twice), remembers each
 * message's owner (every part but the last says another follows, so a split reply starts banter once), appends the
 * reply to the channel history once, records it as regenerable when its last part carries the regenerate button, then
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
			let messageId = await deps.ledger.posted(data.jobKey, index);
			if (messageId === undefined) {
				const last = index === parts.length - 1;
				const outcome = await postPartOnce(deps, job, token, {
					jobKey: data.jobKey,
					index,
					post: () => poster.post(part, index, last),
					findPosted: poster.findPosted && ((sinceMs) => poster.findPosted?.(part, index, sinceMs) ?? Promise.resolve([])),
				});
				if ('postedNow' in outcome) {
					messageId = outcome.postedNow.id;
					authorId ??= outcome.postedNow.authorId;
					posted += 1;
				} else messageId = outcome.postedBefore;
			}
			// Idempotent, and repeated for skipped parts in case an earlier attempt stopped right after posting. Only the last
			// part of a reply may start banter, once, for the whole reply: the others say a part follows.
			await deps.owners.remember(guildId, messageId, {
				characterId: data.characterId,
				cascadeDepth: data.cascadeDepth,
				...(data.followers.length > 0 ? { turnContinues: true } : {}),
				...(index < parts.length - 1 ? { replyContinues: true } : {}),
				...(index > 0 && index === parts.length - 1 ? { earlierParts: [...messageIds] } : {}),
				...(data.turnOf === undefined ? {} : { turnOf: data.turnOf }),
			});
			messageIds.push(messageId);
		}
		const replyId = messageIds[0] ?? data.message.id;
		await appendHistoryOnce(deps, data, { messageId: replyId, authorId: authorId ?? data.characterId, authorName: identity.name });
		if (regenerable && guildId !== null) {
			const { jobKey, message, characterId, trigger, cascadeDepth, turnOf } = data;
			await deps.replies.remember(guildId, {
				jobKey,
				message,
				characterId,
				trigger,
				cascadeDepth,
				...(turnOf === undefined ? {} : { turnOf }),
				text: data.text,
				model: data.model,
				messageIds,
			});
		}
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

/** Appends the whole reply to the channel history, once per `jobKey` even when the job runs again. */
async function appendHistoryOnce(
	deps: DeliveryDependencies,
	data: DeliverJob,
	entry: { messageId: string; authorId: string; authorName: string },
): Promise<void> {
	const mark = deps.keys.global('delivered', data.jobKey, 'history');
	if ((await deps.redis.exists(mark)) === 1) return;
	await deps.history.append(data.message.guildId, data.message.channelId, {
		...entry,
		characterId: data.characterId,
		content: data.text,
		at: Date.now(),
		answers: data.message.id,
	});
	await deps.redis.set(mark, '1', 'EX', 7 * 86_400);
}
