import type { ReviewJob } from '@charbot/contracts';
import type { Persona } from '@charbot/characters';
import { askJudge } from '../judge/askJudge.js';
import { combineJudgement } from '../judge/combineJudgement.js';
import { shouldJudge } from '../judge/shouldJudge.js';
import type { JudgeStatus } from '../metrics/QualityControlHooks.js';
import { repairReply } from '../repair/repairReply.js';
import { buildScoreInput } from '../scoring/buildScoreInput.js';
import type { ReplyScore } from '../scoring/ReplyScore.js';
import { scoreReply } from '../scoring/scoreReply.js';
import type { ReviewDependencies } from './ReviewDependencies.js';

/** The score of a candidate, the text that would be posted, and whether repair and the judge took part. */
export interface CandidateReview {
	readonly result: ReplyScore;
	/** The candidate's text, or what repair left of it. */
	readonly text: string;
	/** Set when removable wrappers were removed: what the rules found in the candidate as written. */
	readonly repairedFrom?: ReplyScore;
	readonly judge: JudgeStatus;
}

/** How many recent channel messages scoring reads (the repetition and speaker checks use them). */
const historyLimit = 30;

/**
 * Scores a candidate by the rules; a failed one whose failures are removable wrappers is repaired when what is left
 * passes (see `repairReply`). Then, when the channel's `judge` mode asks for it (see `shouldJudge`), by the judge.
 * A judge that fails (an LLM error, malformed output) or times out is logged and the rules decide alone: a good reply
 * is never lost to it.
 */
export async function reviewCandidate(deps: ReviewDependencies, job: ReviewJob, persona: Persona, signal?: AbortSignal): Promise<CandidateReview> {
	const { message } = job;
	const [settings, history] = await Promise.all([
		deps.settings.effective(message.guildId, message.channelId),
		deps.history.recent(message.guildId, message.channelId, { limit: historyLimit, beforeMessageId: message.id }),
	]);
	const input = buildScoreInput({
		reply: job.candidate.text,
		persona,
		cast: deps.characters.list(),
		settings,
		history,
		memberNames: [message.author.displayName, message.author.username],
		...(deps.scoring === undefined ? {} : { options: deps.scoring }),
	});
	const asWritten = scoreReply(input);
	// Repair before regenerate: a wrapper around a good reply costs a string operation, not another generation.
	const repaired = asWritten.verdict === 'fail' ? repairReply(input, asWritten) : undefined;
	// The text under review from here on: the judge reads what would be posted.
	const text = repaired?.text ?? job.candidate.text;
	const rules = repaired?.result ?? asWritten;
	const reviewed = { text, ...(repaired === undefined ? {} : { repairedFrom: asWritten }) };
	if (!shouldJudge(rules, settings)) return { result: rules, ...reviewed, judge: 'off' };
	const context = { jobKey: job.jobKey, characterId: job.characterId, channelId: message.channelId, judgeMode: settings.judge, rulesScore: rules.score };
	if (deps.llm === undefined) {
		deps.logger.warn(context, 'the judge is on for this channel but no LLM pool is configured; deciding on rules alone');
		return { result: rules, ...reviewed, judge: 'unavailable' };
	}
	const outcome = await askJudge(
		deps.llm,
		{ persona, memberName: message.author.displayName, message: message.content, reply: text },
		{ timeoutMs: deps.judgeTimeoutMs, signal },
	);
	switch (outcome.status) {
		case 'used':
			deps.logger.debug({ ...context, judgement: outcome.judgement }, 'judge answered');
			return { result: combineJudgement(rules, outcome.judgement, settings.qualityThreshold), ...reviewed, judge: 'used' };
		case 'timeout':
			deps.logger.warn({ ...context, timeoutMs: outcome.error.timeoutMs }, 'judge timed out; deciding on rules alone');
			return { result: rules, ...reviewed, judge: 'timeout' };
		case 'failed':
			deps.logger.warn({ ...context, err: outcome.error }, 'judge failed; deciding on rules alone');
			return { result: rules, ...reviewed, judge: 'failed' };
	}
}
