import type { LlmMetrics } from './LlmMetrics.js';

/** The `model` a metric records for a model outside the configured ones. */
export const OtherModelLabel = 'other';

/**
 * Wraps metrics so the `model` they record is one of the configured models or {@link OtherModelLabel}: a client
 * naming models (the LLM service's admin validating one, say) cannot add series without bound.
 */
export function boundModelLabel(metrics: LlmMetrics, models: ReadonlySet<string>): LlmMetrics {
	const label = (model: string) => (models.has(model) ? model : OtherModelLabel);
	return {
		request: (record) => metrics.request({ ...record, model: label(record.model) }),
		attempt: (record) => metrics.attempt({ ...record, model: label(record.model) }),
		cache: (event) => metrics.cache(event),
	};
}
