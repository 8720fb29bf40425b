import { performance } from 'node:perf_hooks';
import type { Persona } from '@charbot/characters';
import type { CorpusLine } from '../cli/scoreLineSchema.js';
import { scoreInputOfLine } from '../cli/scoreLine.js';
import { repairReply } from '../repair/repairReply.js';
import { scoreReply } from '../scoring/scoreReply.js';
import type { CategoryResult, EvalReport, Misjudged, ScorerResult } from './EvalReport.js';
import { failMetrics } from './failMetrics.js';

/** A corpus line and where it stands in its file. */
export interface NumberedCorpusLine {
	readonly line: number;
	readonly value: CorpusLine;
}

/**
 * Scores every labeled reply with the rule-based scorers and measures them: precision, recall and F1 of `fail`,
 * each category's hits, each scorer's firing, the misjudged lines, repair's rescues and the time per reply.
 * Lines whose character is not in the cast are reported as errors.
 */
export function evaluateCorpus(lines: readonly NumberedCorpusLine[], cast: readonly Persona[]): { report: EvalReport; errors: string[] } {
	const errors: string[] = [];
	const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
	const categories = new Map<string, { label: 'pass' | 'fail'; count: number; correct: number }>();
	const scorers = new Map<string, { fired: number; onFails: number }>();
	const misjudged: Misjudged[] = [];
	const repairs: { id: string; before: string; after: string }[] = [];
	let scored = 0;
	let elapsed = 0;
	for (const { line, value } of lines) {
		const input = scoreInputOfLine(value, cast);
		if (typeof input === 'string') {
			errors.push(`line ${line}: ${input}`);
			continue;
		}
		const started = performance.now();
		const result = scoreReply(input);
		elapsed += performance.now() - started;
		scored += 1;
		const failed = result.verdict === 'fail';
		const deserved = value.label === 'fail';
		if (failed && deserved) counts.tp += 1;
		else if (failed) counts.fp += 1;
		else if (deserved) counts.fn += 1;
		else counts.tn += 1;
		const category = categories.get(value.category) ?? { label: value.label, count: 0, correct: 0 };
		category.count += 1;
		if (failed === deserved) category.correct += 1;
		categories.set(value.category, category);
		for (const kind of new Set(result.findings.map((finding) => finding.kind))) {
			const scorer = scorers.get(kind) ?? { fired: 0, onFails: 0 };
			scorer.fired += 1;
			if (deserved) scorer.onFails += 1;
			scorers.set(kind, scorer);
		}
		if (failed !== deserved) {
			misjudged.push({
				id: value.id,
				line,
				character: value.character,
				category: value.category,
				label: value.label,
				score: result.score,
				reasons: result.reasons,
				reply: value.reply,
			});
		}
		if (failed && deserved) {
			const repaired = repairReply(input, result);
			if (repaired !== undefined) repairs.push({ id: value.id, before: value.reply, after: repaired.text });
		}
	}
	const byCategory: CategoryResult[] = [...categories]
		.map(([name, category]) => ({ category: name, ...category }))
		.sort((a, b) => a.label.localeCompare(b.label) || a.category.localeCompare(b.category));
	const byScorer: ScorerResult[] = [...scorers].map(([kind, scorer]) => ({ kind, ...scorer })).sort((a, b) => b.fired - a.fired);
	return {
		report: {
			lines: scored,
			overall: failMetrics(counts.tp, counts.fp, counts.fn, counts.tn),
			byCategory,
			byScorer,
			misjudged,
			repair: { repaired: repairs.length, examples: repairs },
			msPerReply: scored === 0 ? 0 : elapsed / scored,
		},
		errors,
	};
}
