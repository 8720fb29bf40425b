import type { Registry } from 'prom-client';
import type { MetricsRenderer } from '../http/startHealthServer.js';

/** The health server's `/metrics` renderer for a prom-client registry. */
export function prometheusRenderer(registry: Registry): MetricsRenderer {
	return async () => ({ contentType: registry.contentType, body: await registry.metrics() });
}
