import { createRateLimitMetrics } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { DeliveryHooks } from './DeliveryHooks.js';

/** Delivery's Prometheus hooks, plus a watch on its Discord REST client. */
export interface PrometheusDeliveryHooks extends DeliveryHooks {
	/** Counts the REST client's 429s (rate limits hit). */
	watchRest(rest: REST): void;
}

/**
 * Registers delivery's series on a registry and returns hooks that feed them. The names keep the `charbot_qc_` prefix
 * they had while delivery ran inside quality control, so dashboards keep working.
 */
export function createDeliveryPrometheusHooks(registry: Registry): PrometheusDeliveryHooks {
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
