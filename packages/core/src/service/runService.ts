import { collectDefaultMetrics, Registry } from 'prom-client';
import { type HealthServer, type ReadinessCheck, startHealthServer } from '../http/startHealthServer.js';
import { createShutdown } from '../lifecycle/createShutdown.js';
import { prometheusRenderer } from '../metrics/prometheusRenderer.js';
import { prepareProcess } from './prepareProcess.js';
import { reportStartFailure } from './reportStartFailure.js';
import type { RunningService, ServiceDefinition } from './ServiceDefinition.js';

/**
 * Runs a service process: settings (a bad one exits 1 naming it), logger, failure hooks, a health server answering
 * `/healthz` from the start and `/readyz` from the service's checks once started, and a shutdown on SIGTERM or SIGINT
 * that marks the process not ready, closes the service, then the health server, within `SHUTDOWN_TIMEOUT`. A start
 * that fails is one fatal line and exit 1.
 */
export async function runService(definition: ServiceDefinition): Promise<void> {
	const { name } = definition;
	const { config, logger } = prepareProcess(name);
	const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT * 1000 });
	const registry = new Registry();
	let health: HealthServer | undefined;
	let service: RunningService | undefined;
	// Read by the health server on every request: "still starting" until the service's own checks replace it.
	const checks: Record<string, ReadinessCheck> = { start: () => ({ ok: false, detail: `the ${name} is still starting` }) };
	shutdown.add('mark not ready', () => health?.markStopping());
	// A signal during the start exits without waiting for it, as nothing is serving yet.
	shutdown.add(`close ${name}`, () => service?.close());
	shutdown.add('close health server', () => health?.close());

	try {
		if (definition.healthServer !== false) {
			collectDefaultMetrics({ register: registry });
			health = await startHealthServer({ port: config.HEALTH_PORT, host: config.HEALTH_HOST, logger, checks, metrics: prometheusRenderer(registry) });
			logger.info({ url: health.url }, `health server listening on ${health.url}`);
		}
		service = await definition.start({ config, logger, registry });
	} catch (error) {
		reportStartFailure(logger, name, error);
		await health?.close();
		process.exit(1);
	}
	delete checks.start;
	Object.assign(checks, service?.checks);
	logger.info(health === undefined ? {} : { health: health.url }, `${name} is running`);
}
