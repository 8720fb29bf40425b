import { Counter, Histogram, type Registry } from 'prom-client';
import type { AttemptRecord, LlmMetrics, RequestRecord } from './LlmMetrics.js';

/** Registers the LLM layer's Prometheus series on a registry and returns hooks that feed them. */
export function createPrometheusLlmMetrics(registry: Registry): LlmMetrics {
	const requests = new Counter({
		name: 'charbot_llm_requests_total',
		help: 'LLM requests by role, model and outcome.',
		labelNames: ['role', 'model', 'outcome', 'source'] as const,
		registers: [registry],
	});
	const duration = new Histogram({
		name: 'charbot_llm_request_duration_seconds',
		help: 'Time to answer an LLM request, cache hits included.',
		labelNames: ['role', 'model', 'source'] as const,
		buckets: [0.005, 0.05, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 80],
		registers: [registry],
	});
	const attempts = new Counter({
		name: 'charbot_llm_host_attempts_total',
		help: 'Upstream attempts by model host, model and outcome.',
		labelNames: ['host', 'model', 'outcome'] as const,
		registers: [registry],
	});
	const attemptDuration = new Histogram({
		name: 'charbot_llm_host_attempt_duration_seconds',
		help: 'Time of upstream attempts by model host and model.',
		labelNames: ['host', 'model'] as const,
		buckets: [0.05, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 80, 160],
		registers: [registry],
	});
	const tokens = new Counter({
		name: 'charbot_llm_tokens_total',
		help: 'Tokens by host, model and kind (prompt or generated).',
		labelNames: ['host', 'model', 'kind'] as const,
		registers: [registry],
	});
	const cache = new Counter({
		name: 'charbot_llm_cache_events_total',
		help: 'Response cache hits, misses, stores and errors.',
		labelNames: ['event'] as const,
		registers: [registry],
	});
	return {
		request: (record: RequestRecord) => {
			const source = record.cacheHit ? 'cache' : record.coalesced ? 'coalesced' : 'upstream';
			requests.inc({ role: record.role, model: record.model, outcome: record.outcome, source });
			duration.observe({ role: record.role, model: record.model, source }, record.durationMs / 1000);
			if (source === 'upstream' && record.host !== undefined) {
				tokens.inc({ host: record.host, model: record.model, kind: 'prompt' }, record.promptTokens);
				tokens.inc({ host: record.host, model: record.model, kind: 'generated' }, record.evalTokens);
			}
		},
		attempt: (record: AttemptRecord) => {
			attempts.inc({ host: record.host, model: record.model, outcome: record.outcome });
			attemptDuration.observe({ host: record.host, model: record.model }, record.durationMs / 1000);
		},
		cache: (event) => cache.inc({ event }),
	};
}
