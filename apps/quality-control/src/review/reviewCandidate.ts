import type { ReviewJob } from '@charbot/core';
import type { Persona } from '@charbot/characters';
import { combineJudgement } from '../judge/combineJudgement.js';
import { judgeReply } from '../judge/judgeReply.js';
import type { JudgeStatus } from '../metrics/QualityControlHooks.js';
import { buildScoreInput } from '../scoring/buildScoreInput.js';
import type { ReplyScore } from '../scoring/ReplyScore.js';
import { scoreReply } from '../scoring/scoreReply.js';
import type { ReviewDependencies } from './ReviewDependencies.js';

/** The score of a candidate and whether the judge took part. */
export interface CandidateReview {
	readonly result: ReplyScore;
	readonly judge: JudgeStatus;
}

/** How many recent channel messages scoring reads (the repetition and speaker checks use them). */
const historyLimit = 30;

/**
 * Scores a candidate by the rules, then, when the channel asks for it and the rules passed, by the judge. A judge
 * that fails (an LLM error, bad output) is logged and the rules decide alone: a good reply is never lost to it.
 */
export async function reviewCandidate(deps: ReviewDependencies, job: ReviewJob, persona: Persona, signal?: AbortSignal): Promise<CandidateReview> {
	const { message } = job;
	const [settings, history] = await Promise.all([
		deps.settings.effective(message.guildId, message.channelId),
		deps.history.recent(message.guildId, message.channelId, { limit: historyLimit, beforeMessageId: message.id }),
	]);
	const rules = scoreReply(
		buildScoreInput({
			reply: job.candidate.text,
			persona,
			cast: deps.characters.list(),
			settings,
			history,
			memberNames: [message.author.displayName, message.author.username],
			...(deps.scoring === undefined ? {} : { options: deps.scoring }),
		}),
	);
	// The judge can only lower a score, so a reply the rules already failed is not worth a model call.
	if (!settings.judge || rules.verdict === 'fail') return { result: rules, judge: 'off' };
	if (deps.llm === undefined) {
		deps.logger.warn({ jobKey: job.jobKey, channelId: message.channelId }, 'channel asks for the judge but no LLM pool is configured; deciding on rules alone');
		return { result: rules, judge: 'unavailable' };
	}
	try {
		const pool = await deps.llm();
		const judgement = await judgeReply(pool, { persona, memberName: message.author.displayName, message: message.content, reply: job.candidate.text }, signal);
		deps.logger.debug({ jobKey: job.jobKey, judgement }, 'judge answered');
		return { result: combineJudgement(rules, judgement, settings.qualityThreshold), judge: 'used' };
	} catch (error) {
		deps.logger.warn({ err: error, jobKey: job.jobKey, characterId: job.characterId }, 'judge failed; deciding on rules alone');
		return { result: rules, judge: 'failed' };
	}
}
