import type { Finding } from './Finding.js';

/** Whether a reply may be posted. */
export type Verdict = 'pass' | 'fail';

/** The outcome of scoring a reply. */
export interface ReplyScore {
	/** 0..1; the channel's `qualityThreshold` is the bar. */
	readonly score: number;
	readonly verdict: Verdict;
	/** Short sentences for the regeneration prompt, one per finding. */
	readonly reasons: string[];
	readonly findings: readonly Finding[];
}

/** Scores findings: score = Π(1 − penalty); a reply passes when it meets the threshold and nothing is a hard fail. */
export function decideScore(findings: readonly Finding[], threshold: number): ReplyScore {
	const product = findings.reduce((score, finding) => score * (1 - Math.min(1, Math.max(0, finding.penalty))), 1);
	const score = Math.round(product * 1000) / 1000;
	const verdict = score >= threshold && !findings.some((finding) => finding.hard) ? 'pass' : 'fail';
	return { score, verdict, reasons: findings.map((finding) => finding.reason), findings };
}
