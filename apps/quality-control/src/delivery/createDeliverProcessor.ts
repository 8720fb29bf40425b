import { type DeliverJob, parseJobData, QueueName } from '@charbot/core';
import type { Job } from 'bullmq';
import { runHook } from '../metrics/runHook.js';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import type { ReplyIdentity } from './ReplyPoster.js';
import { postNotice } from './postNotice.js';
import { postPartOnce } from './postPartOnce.js';
import { selectPoster } from './selectPoster.js';
import { splitMessage } from './splitMessage.js';

/** What a delivery job returns (kept on the completed job). */
export interface DeliverJobResult {
	/** Discord ids of every part, in order. */
	readonly messageIds: readonly string[];
	/** Parts posted by this attempt; the rest were posted before. */
	readonly posted: number;
	readonly skipped: number;
}

/**
 * The `deliver` worker's processor: splits the reply, posts each part not yet in the `DeliveryLedger` under a claim and
 * records it before the next ({@link postPartOnce}: a retried or doubled job never posts a part twice), remembers each message's owner and
 * appends the reply to the channel history once. A notice job (`kind: 'notice'`) is posted as the bot ({@link postNotice}).
 */
export function createDeliverProcessor(deps: DeliveryDependencies): (job: Job, token?: string) => Promise<DeliverJobResult> {
	return async (job, token) => {
		const data = parseJobData(QueueName.Deliver, job.data);
		if (data.kind === 'notice') return postNotice(deps, job, token, data);
		const { guildId, channelId } = data.message;
		const identity = identityOf(deps, data);
		const poster = selectPoster(deps, data, identity);
		const parts = splitMessage(data.text, poster.maxPartLength);
		const messageIds: string[] = [];
		let authorId: string | undefined;
		let posted = 0;
		for (const [index, part] of parts.entries()) {
			let messageId = await deps.ledger.posted(data.jobKey, index);
			if (messageId === undefined) {
				const outcome = await postPartOnce(deps, job, token, { jobKey: data.jobKey, index, post: () => poster.post(part, index) });
				if ('postedNow' in outcome) {
					messageId = outcome.postedNow.id;
					authorId ??= outcome.postedNow.authorId;
					posted += 1;
				} else messageId = outcome.postedBefore;
			}
			// Idempotent, and repeated for skipped parts in case an earlier attempt stopped right after posting.
			await deps.owners.remember(guildId, messageId, { characterId: data.characterId, cascadeDepth: data.cascadeDepth });
			messageIds.push(messageId);
		}
		await appendHistoryOnce(deps, data, { messageId: messageIds[0] ?? data.message.id, authorId: authorId ?? data.characterId, authorName: identity.name });
		const skipped = parts.length - posted;
		const latencyMs = Math.max(0, Date.now() - data.message.createdAt);
		runHook(deps.logger, () =>
			deps.hooks.onDelivery?.({ guildId, characterId: data.characterId, target: poster.target, parts: parts.length, posted, skipped, latencyMs }),
		);
		deps.logger.info(
			{ jobKey: data.jobKey, characterId: data.characterId, channelId, target: poster.target, parts: parts.length, posted, skipped },
			'reply delivered',
		);
		return { messageIds, posted, skipped };
	};
}

function identityOf(deps: DeliveryDependencies, data: DeliverJob): ReplyIdentity {
	const persona = deps.characters.get(data.characterId);
	if (persona !== undefined) return { name: persona.displayName, avatarUrl: persona.avatarUrl };
	// The reply passed review; a persona removed since then must not lose it.
	deps.logger.warn({ jobKey: data.jobKey, characterId: data.characterId }, 'character is no longer loaded; delivering under its id');
	return { name: data.characterId, avatarUrl: undefined };
}

/** Appends the whole reply to the channel history, once per `jobKey` even when the job runs again. */
async function appendHistoryOnce(
	deps: DeliveryDependencies,
	data: DeliverJob,
	entry: { messageId: string; authorId: string; authorName: string },
): Promise<void> {
	const mark = deps.keys.global('delivered', data.jobKey, 'history');
	if ((await deps.redis.exists(mark)) === 1) return;
	await deps.history.append(data.message.guildId, data.message.channelId, { ...entry, characterId: data.characterId, content: data.text, at: Date.now() });
	await deps.redis.set(mark, '1', 'EX', 7 * 86_400);
}
