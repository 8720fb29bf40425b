import { Counter, Histogram, type Registry } from 'prom-client';
import type { QualityControlHooks } from './QualityControlHooks.js';

/** Registers quality control's `charbot_qc_*` review series on a registry and returns hooks that feed them. */
export function createPrometheusHooks(registry: Registry): QualityControlHooks {
	const reviews = new Counter({
		name: 'charbot_qc_reviews_total',
		help: 'Reviewed candidates by character, outcome (delivered, repaired, regenerated, rejected) and model role.',
		labelNames: ['character', 'outcome', 'role'] as const,
		registers: [registry],
	});
	const scores = new Histogram({
		name: 'charbot_qc_review_score',
		help: 'Review scores (0 to 1) by character.',
		labelNames: ['character'] as const,
		buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
		registers: [registry],
	});
	const regenerations = new Counter({
		name: 'charbot_qc_regenerations_total',
		help: 'Candidates sent back to the router for another attempt, by character.',
		labelNames: ['character'] as const,
		registers: [registry],
	});
	const escalations = new Counter({
		name: 'charbot_qc_escalations_total',
		help: 'Reviews of candidates written by the escalation model, by character.',
		labelNames: ['character'] as const,
		registers: [registry],
	});
	const finalFailures = new Counter({
		name: 'charbot_qc_final_failures_total',
		help: 'Messages given up on after the escalated candidate failed review, by character.',
		labelNames: ['character'] as const,
		registers: [registry],
	});
	const findings = new Counter({
		name: 'charbot_qc_findings_total',
		help: 'Reviewed candidates in which a scorer found something, by kind (loop, refusal, assistant-frame, ...); repeated kinds count once.',
		labelNames: ['kind'] as const,
		registers: [registry],
	});
	const judgements = new Counter({
		name: 'charbot_qc_judge_total',
		help: 'Reviews by what the LLM judge did: off (not asked), used, failed (an error or malformed answer), timeout, unavailable.',
		labelNames: ['status'] as const,
		registers: [registry],
	});
	return {
		onReview: ({ characterId: character, outcome, role, score, kinds, judge }) => {
			reviews.inc({ character, outcome, role });
			for (const kind of new Set(kinds)) findings.inc({ kind });
			judgements.inc({ status: judge });
			scores.observe({ character }, score);
			if (role === 'escalation') escalations.inc({ character });
			if (outcome === 'regenerated') regenerations.inc({ character });
			if (outcome === 'rejected') finalFailures.inc({ character });
		},
	};
}
