import type { NoticeJob } from '@charbot/contracts';
import type { Job } from 'bullmq';
import { createBotMessagePoster } from './createBotMessagePoster.js';
import { createInteractionPoster } from './createInteractionPoster.js';
import type { DeliverJobResult } from './DeliverJobResult.js';
import type { DeliveryDependencies } from './DeliveryDependencies.js';
import { imageNoticeText } from './imageNoticeText.js';
import { noAnswerNoticeText } from './noAnswerNoticeText.js';
import { OutageNoticeText } from './outageNoticeText.js';
import { postPartOnce } from './postPartOnce.js';
import type { AllowedMentions, ReplyIdentity, ReplyPoster } from './ReplyPoster.js';

/** A notice pings nobody, not even the member whose message it replies to. */
const noticeMentions: AllowedMentions = { parse: [], replied_user: false };

/** The platform speaks as itself: plain text under the bot's own name, never a character's. */
const platformIdentity: ReplyIdentity = { name: 'charbot', avatarUrl: undefined };

/**
 * Posts a notice in the platform's own name, through the same posters as replies: as the bot in the channel (a reply
 * to the member's message when it answers one), or into a slash command's deferred response (the answer replaces it
 * there later; `no-good-answer` is the final one). It pings nobody, stays out of the channel history (the characters
 * never read it), and is posted under a `DeliveryLedger` claim ({@link postPartOnce}) so a retried or doubled job never
 * posts it twice.
 */
export async function postNotice(
	deps: Pick<DeliveryDependencies, 'rest' | 'ledger' | 'logger' | 'characters' | 'claimMs'>,
	job: Job,
	token: string | undefined,
	notice: NoticeJob,
): Promise<DeliverJobResult> {
	const { interaction, replyToMessageId } = notice;
	const poster: ReplyPoster =
		interaction === undefined
			? createBotMessagePoster(deps.rest, notice.channelId, platformIdentity, noticeMentions, 'plain', replyToMessageId)
			: createInteractionPoster(deps.rest, interaction, platformIdentity, noticeMentions, 'plain');
	const text = noticeText(deps, notice);
	// The same claim as a reply's parts: a second attempt after a lost lock never posts the notice twice.
	const outcome = await postPartOnce(deps, job, token, { guildId: notice.guildId, jobKey: notice.noticeKey, index: 0, post: () => poster.post(text, 0, true) });
	if ('postedBefore' in outcome) return { messageIds: [outcome.postedBefore], posted: 0, skipped: 1 };
	deps.logger.info(
		{ noticeKey: notice.noticeKey, notice: notice.notice, channelId: notice.channelId, interaction: interaction !== undefined },
		'notice posted',
	);
	return { messageIds: [outcome.postedNow.id], posted: 1, skipped: 0 };
}

function noticeText(deps: Pick<DeliveryDependencies, 'characters'>, notice: NoticeJob): string {
	if (notice.notice === 'images-unseen' || notice.notice === 'image-refused') return imageNoticeText({ ...notice, notice: notice.notice });
	if (notice.notice !== 'no-good-answer') return OutageNoticeText[notice.notice];
	const characterId = notice.characterId;
	const name = characterId === undefined ? 'the character' : (deps.characters.get(characterId)?.displayName ?? characterId);
	return noAnswerNoticeText(name);
}
