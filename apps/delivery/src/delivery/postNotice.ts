import type { NoticeJob } from '@charbot/core';
import type { Job } from 'bullmq';
import { Routes } from 'discord.js';
import type { DeliverJobResult } from './createDeliverProcessor.js';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import { parseDiscordResponse, postedMessageSchema } from './discordSchemas.js';
import { noAnswerNoticeText } from './noAnswerNoticeText.js';
import { OutageNoticeText } from './outageNoticeText.js';
import { postPartOnce } from './postPartOnce.js';
import type { PostedMessage } from './ReplyPoster.js';
import { toDeliveryError } from './toDeliveryError.js';

/**
 * Posts a notice in the platform's own name: as the bot in the channel (a reply to the member's message when it answers
 * one), or into a slash command's deferred response (the answer replaces it there later; `no-good-answer` is the final one). It pings nobody, stays out of the channel history (the characters never read it), and
 * is posted under a `DeliveryLedger` claim ({@link postPartOnce}) so a retried or doubled job never posts it twice.
 */
export async function postNotice(
	deps: Pick<DeliveryDependencies, 'rest' | 'ledger' | 'logger' | 'characters' | 'claimMs'>,
	job: Job,
	token: string | undefined,
	notice: NoticeJob,
): Promise<DeliverJobResult> {
	const already = await deps.ledger.posted(notice.noticeKey, 0);
	if (already !== undefined) return { messageIds: [already], posted: 0, skipped: 1 };
	const { interaction, replyToMessageId } = notice;
	// A channel notice answers the member's message as a reply (a deleted message does not fail it) and pings nobody.
	const reference =
		interaction === undefined && replyToMessageId !== undefined ? { message_reference: { message_id: replyToMessageId, fail_if_not_exists: false } } : {};
	const body = { content: noticeText(deps, notice), allowed_mentions: { parse: [], replied_user: false }, ...reference };
	const route = interaction === undefined ? 'POST /channels/:id/messages' : 'PATCH /webhooks/:applicationId/:token/messages/@original';
	const post = async (): Promise<PostedMessage> => {
		const posted = await (
			interaction === undefined
				? deps.rest.post(Routes.channelMessages(notice.channelId), { body })
				: deps.rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.interactionToken, '@original'), { body, auth: false })
		).catch((error: unknown) => {
			throw toDeliveryError(error, route);
		});
		const message = parseDiscordResponse(postedMessageSchema, posted, route);
		return { id: message.id, authorId: message.author?.id };
	};
	// The same claim as a reply's parts: a second attempt after a lost lock never posts the notice twice.
	const outcome = await postPartOnce(deps, job, token, { jobKey: notice.noticeKey, index: 0, post });
	if ('postedBefore' in outcome) return { messageIds: [outcome.postedBefore], posted: 0, skipped: 1 };
	deps.logger.info(
		{ noticeKey: notice.noticeKey, notice: notice.notice, channelId: notice.channelId, interaction: interaction !== undefined },
		'notice posted',
	);
	return { messageIds: [outcome.postedNow.id], posted: 1, skipped: 0 };
}

function noticeText(deps: Pick<DeliveryDependencies, 'characters'>, notice: NoticeJob): string {
	if (notice.notice !== 'no-good-answer') return OutageNoticeText[notice.notice];
	const characterId = notice.characterId;
	const name = characterId === undefined ? 'the character' : (deps.characters.get(characterId)?.displayName ?? characterId);
	return noAnswerNoticeText(name);
}
