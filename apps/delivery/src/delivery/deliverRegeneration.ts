import { type DeliverJob, MaxReplyParts, type ReplacedReply } from '@charbot/contracts';
import { type Job, UnrecoverableError } from 'bullmq';
import type { DeliverJobResult } from './DeliverJobResult.js';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import { identityOf } from './identityOf.js';
import { postPartOnce } from './postPartOnce.js';
import { ReplyGoneError } from './ReplyGoneError.js';
import { selectPoster } from './selectPoster.js';
import { splitMessage } from './splitMessage.js';

/** A delivery job that regenerates a posted reply. */
export type RegenerationJob = DeliverJob & { readonly replaces: ReplacedReply };

/**
 * Delivers a regenerated reply by editing the old one in place through the channel webhook: part i of the new text
 * edits old part i (the last one carrying the button again), extra new parts are posted after it, extra old parts are
 * deleted. Each edit or post is claimed and recorded in the `DeliveryLedger` under the regeneration's own `jobKey`
 * ({@link postPartOnce}), so a retry never repeats one. Then the reply's channel-history entry gets the new text (once),
 * and the regenerable record moves to the new text and last part. A regeneration continues no turn and starts no banter:
 * edited parts keep their owner records, and new parts are recorded as leaving the turn to no one. A reply deleted
 * meanwhile ends it quietly, with a warning in the log.
 */
export async function deliverRegeneration(deps: DeliveryDependencies, job: Job, token: string | undefined, data: RegenerationJob): Promise<DeliverJobResult> {
	const { guildId, channelId } = data.message;
	if (guildId === null || data.interaction !== undefined)
		throw new UnrecoverableError(`regeneration ${data.jobKey} replaces a reply outside a guild channel; only webhook replies are edited in place`);
	const old = data.replaces.messageIds;
	const oldLastId = old.at(-1) as string;
	const [settings, previous] = await Promise.all([deps.settings.effective(guildId, channelId), deps.replies.get(guildId, oldLastId)]);
	const parts = splitMessage(data.text);
	const button = settings.regenerate && parts.length <= MaxReplyParts;
	const poster = selectPoster(deps, data, identityOf(deps, data), button);
	if (poster.target !== 'webhook') throw new UnrecoverableError(`regeneration ${data.jobKey} resolved to a ${poster.target} poster, which cannot edit`);

	const messageIds: string[] = [];
	let changed = 0;
	try {
		for (const [index, part] of parts.entries()) {
			const last = index === parts.length - 1;
			const replacing = old[index];
			// A part done by an earlier attempt comes back as `postedBefore`, in the claim's round trip.
			const post = () => (replacing === undefined ? poster.post(part, index, last) : poster.edit(replacing, part, last));
			const outcome = await postPartOnce(deps, job, token, { guildId: data.message.guildId, jobKey: data.jobKey, index, post });
			if ('postedNow' in outcome) changed += 1;
			const messageId = 'postedNow' in outcome ? outcome.postedNow.id : outcome.postedBefore;
			if (replacing === undefined) {
				// A new part must not start banter of its own: it says the turn goes on (to nobody), as an edit would not post.
				await deps.owners.remember(guildId, messageId, {
					characterId: data.characterId,
					cascadeDepth: data.cascadeDepth,
					turnContinues: true,
					...(data.turnOf === undefined ? {} : { turnOf: data.turnOf }),
				});
			}
			messageIds.push(messageId);
		}
		// Deleting twice is harmless (a part already gone counts as deleted), so no claim is needed.
		for (const extra of old.slice(parts.length)) await poster.remove(extra);
	} catch (error) {
		if (!(error instanceof ReplyGoneError)) throw error;
		deps.logger.warn({ jobKey: data.jobKey, channelId, messageId: error.messageId, reason: error.message }, 'the reply to regenerate is gone; nothing edited');
		await deps.replies.forget(guildId, oldLastId);
		await deps.replies.endRegenerating(guildId, oldLastId);
		return { messageIds, posted: changed, skipped: parts.length - messageIds.length };
	}

	await replaceHistoryOnce(deps, data, old[0] as string);
	if (button) {
		const { jobKey, message, characterId, cascadeDepth, turnOf } = data;
		// The record keeps how the reply first came about; `regenerate` is only how this text did.
		const trigger = previous?.trigger ?? data.trigger;
		await deps.replies.remember(
			guildId,
			{ jobKey, message, characterId, trigger, cascadeDepth, ...(turnOf === undefined ? {} : { turnOf }), text: data.text, model: data.model, messageIds },
			oldLastId,
		);
	} else await deps.replies.forget(guildId, oldLastId);
	await deps.replies.endRegenerating(guildId, oldLastId);
	deps.logger.info(
		{ jobKey: data.jobKey, characterId: data.characterId, channelId, parts: parts.length, replaced: old.length, changed },
		'reply regenerated in place',
	);
	return { messageIds, posted: changed, skipped: parts.length - changed };
}

/** Puts the new text in the history entry of the reply (keyed by its first part, which keeps its id), once per `jobKey`. */
async function replaceHistoryOnce(deps: DeliveryDependencies, data: RegenerationJob, firstPartId: string): Promise<void> {
	const mark = deps.keys.global('delivered', data.jobKey, 'history');
	if ((await deps.redis.exists(mark)) === 1) return;
	const replaced = await deps.history.replace(data.message.guildId, data.message.channelId, firstPartId, data.text);
	// A reply older than the history's window is no longer in any prompt; appending it now would misplace it.
	if (!replaced) deps.logger.debug({ jobKey: data.jobKey, messageId: firstPartId }, 'the regenerated reply is no longer in the channel history');
	await deps.redis.set(mark, '1', 'EX', 7 * 86_400);
}
