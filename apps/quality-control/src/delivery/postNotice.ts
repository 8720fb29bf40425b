import type { NoticeJob } from '@charbot/core';
import { Routes } from 'discord.js';
import type { DeliverJobResult } from './createDeliverProcessor.js';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import { parseDiscordResponse, postedMessageSchema } from './discordSchemas.js';
import { noAnswerNoticeText } from './noAnswerNoticeText.js';
import { OutageNoticeText } from './outageNoticeText.js';
import { toDeliveryError } from './toDeliveryError.js';

/**
 * Posts a notice in the platform's own name: as the bot in the channel, or into a slash command's deferred response (the
 * answer replaces it there later; `no-good-answer` is the final one). It pings nobody, stays out of the channel history (the characters never read it), and
 * is recorded in the `DeliveryLedger` so a retried job never posts it twice.
 */
export async function postNotice(deps: Pick<DeliveryDependencies, 'rest' | 'ledger' | 'logger' | 'characters'>, notice: NoticeJob): Promise<DeliverJobResult> {
	const already = await deps.ledger.posted(notice.noticeKey, 0);
	if (already !== undefined) return { messageIds: [already], posted: 0, skipped: 1 };
	const body = { content: noticeText(deps, notice), allowed_mentions: { parse: [] } };
	const { interaction } = notice;
	const route = interaction === undefined ? 'POST /channels/:id/messages' : 'PATCH /webhooks/:applicationId/:token/messages/@original';
	const request =
		interaction === undefined
			? deps.rest.post(Routes.channelMessages(notice.channelId), { body })
			: deps.rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.interactionToken, '@original'), { body, auth: false });
	const posted = await request.catch((error: unknown) => {
		throw toDeliveryError(error, route);
	});
	const message = parseDiscordResponse(postedMessageSchema, posted, route);
	await deps.ledger.record(notice.noticeKey, 0, message.id);
	deps.logger.info(
		{ noticeKey: notice.noticeKey, notice: notice.notice, channelId: notice.channelId, interaction: interaction !== undefined },
		'notice posted',
	);
	return { messageIds: [message.id], posted: 1, skipped: 0 };
}

function noticeText(deps: Pick<DeliveryDependencies, 'characters'>, notice: NoticeJob): string {
	if (notice.notice !== 'no-good-answer') return OutageNoticeText[notice.notice];
	const characterId = notice.characterId;
	const name = characterId === undefined ? 'the character' : (deps.characters.get(characterId)?.displayName ?? characterId);
	return noAnswerNoticeText(name);
}
