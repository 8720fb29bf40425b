import type { FastifyInstance } from 'fastify';
import { prefersPrometheus } from '../metrics/prefersPrometheus.js';
import { renderMetricsSummary } from '../metrics/renderMetricsSummary.js';
import type { ServiceContext } from '../ServiceContext.js';

/** `GET /metrics` (JSON summary, or Prometheus text when `Accept` asks for it) and `GET /metrics/prometheus`. */
export function registerMetricsRoutes(app: FastifyInstance, context: ServiceContext): void {
	const prometheus = async () => ({ contentType: context.registry.contentType, body: await context.registry.metrics() });

	app.get('/metrics', async (request, reply) => {
		if (prefersPrometheus(request.headers.accept)) {
			const { contentType, body } = await prometheus();
			return reply.type(contentType).send(body);
		}
		return renderMetricsSummary(context.pool.snapshot(), process.memoryUsage(), (Date.now() - context.startedAt) / 1000);
	});
	app.get('/metrics/prometheus', async (_request, reply) => {
		const { contentType, body } = await prometheus();
		return reply.type(contentType).send(body);
	});
}
