import type { Finding } from '../scoring/Finding.js';
import type { ReplyScore } from '../scoring/ReplyScore.js';
import type { Judgement } from './judgementSchema.js';

/** Below this, a judge's rating is a reason of its own even when its verdict is "pass". */
const poorRating = 0.5;
/** Most of the judge's reasons quoted in the regeneration prompt. */
const maxJudgeReasons = 3;

/**
 * Combines the rule score with the judge's. The judge can only make review stricter: the score is the mean of
 * the rule score and the judge's mean rating when that is lower, and the judge's "fail" fails the reply like a
 * hard rule, with its reasons. A "pass" with a poor rating adds a finding too, which fails the reply only through the score.
 */
export function combineJudgement(rules: ReplyScore, judgement: Judgement, threshold: number): ReplyScore {
	const judgeScore = (judgement.inCharacter + judgement.onTopic) / 2;
	const findings: Finding[] = [...rules.findings];
	const failed = judgement.verdict === 'fail';
	if (failed || judgement.inCharacter < poorRating || judgement.onTopic < poorRating) {
		const ratings = `in character ${judgement.inCharacter.toFixed(2)}, on topic ${judgement.onTopic.toFixed(2)}`;
		const given = judgement.reasons
			.map((reason) => reason.replace(/\s+/g, ' ').trim())
			.filter((reason) => reason !== '')
			.slice(0, maxJudgeReasons)
			.join('; ');
		const reason = failed
			? `Judge: ${given === '' ? 'the reply fails the rubric' : given} (${ratings})`
			: `Judge rated the reply poorly (${ratings})${given === '' ? '' : `: ${given}`}`;
		findings.push({ kind: 'judge', reason, penalty: 0, hard: failed });
	}
	const score = Math.round(Math.min(rules.score, (rules.score + judgeScore) / 2) * 1000) / 1000;
	const verdict = score >= threshold && !findings.some((finding) => finding.hard) ? 'pass' : 'fail';
	return { score, verdict, reasons: findings.map((finding) => finding.reason), findings };
}
