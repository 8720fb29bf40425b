import { createRateLimitMetrics } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { QualityControlHooks } from './QualityControlHooks.js';

/** Quality control's Prometheus hooks, plus a watch on its Discord REST client. */
export interface PrometheusQualityControlHooks extends QualityControlHooks {
	/** Counts the REST client's 429s (rate limits hit). */
	watchRest(rest: REST): void;
}

/** Registers quality control's `charbot_qc_*` and `charbot_discord_*` series on a registry and returns hooks that feed them. */
export function createPrometheusHooks(registry: Registry): PrometheusQualityControlHooks {
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
	const deliveries = new Counter({
		name: 'charbot_qc_deliveries_total',
		help: 'Replies posted to Discord, by character and target (webhook, bot, interaction).',
		labelNames: ['character', 'target'] as const,
		registers: [registry],
	});
	const latency = new Histogram({
		name: 'charbot_qc_delivery_latency_seconds',
		help: "Time from the member's message to the reply being posted, by target.",
		labelNames: ['target'] as const,
		buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 40, 80, 160, 320],
		registers: [registry],
	});
	const countRateLimits = createRateLimitMetrics(registry);
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
		onDelivery: ({ characterId: character, target, posted, latencyMs }) => {
			// A retry that only skips parts an earlier attempt posted is not a second delivery.
			if (posted === 0) return;
			deliveries.inc({ character, target });
			latency.observe({ target }, latencyMs / 1000);
		},
		watchRest: (rest) => {
			countRateLimits(rest);
		},
	};
}
