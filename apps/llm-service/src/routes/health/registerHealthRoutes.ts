import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../ServiceContext.js';
import { describeServiceHealth } from './describeServiceHealth.js';

/** `GET /health` (hosts, roles, cache, uptime; 503 with reasons when not ready), `/healthz` (alive), `/readyz`. */
export function registerHealthRoutes(app: FastifyInstance, context: ServiceContext): void {
	const current = async () =>
		describeServiceHealth(await context.pool.health(), { uptimeSeconds: (Date.now() - context.startedAt) / 1000, stopping: context.isStopping() });

	app.get('/health', async (_request, reply) => {
		const health = await current();
		return reply.status(health.ready ? 200 : 503).send(health);
	});
	app.get('/healthz', async () => ({ status: 'ok', uptime_seconds: Math.round((Date.now() - context.startedAt) / 100) / 10 }));
	app.get('/readyz', async (_request, reply) => {
		const health = await current();
		return reply.status(health.ready ? 200 : 503).send({ status: health.status, reasons: health.reasons });
	});
}
