import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, type Registry } from 'prom-client';

/**
 * Registers the service's HTTP series (requests by method, route and status; duration by route) and
 * prom-client's process metrics, unless the registry already has them.
 */
export function instrumentHttp(app: FastifyInstance, registry: Registry): void {
	if (registry.getSingleMetric('process_cpu_user_seconds_total') === undefined) collectDefaultMetrics({ register: registry });
	const requests = new Counter({
		name: 'charbot_llm_service_http_requests_total',
		help: 'HTTP requests to the LLM service by method, route and status.',
		labelNames: ['method', 'route', 'status'] as const,
		registers: [registry],
	});
	const duration = new Histogram({
		name: 'charbot_llm_service_http_request_duration_seconds',
		help: 'Time to answer an HTTP request to the LLM service, by method and route.',
		labelNames: ['method', 'route'] as const,
		buckets: [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
		registers: [registry],
	});
	app.addHook('onResponse', async (request, reply) => {
		// The route template, not the raw URL, keeps the label set bounded.
		const route = request.routeOptions.url ?? 'unmatched';
		requests.inc({ method: request.method, route, status: String(reply.statusCode) });
		duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
	});
}
