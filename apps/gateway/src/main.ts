// Process entry of the gateway: `npm run start:gateway`.
import { type CheckResult, ConfigError, createLogger, createShutdown, loadConfig, prometheusRenderer, startHealthServer } from '@charbot/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { type GatewayApp, startGateway } from './startGateway.js';

let config;
try {
	config = loadConfig();
} catch (error) {
	console.error(error instanceof ConfigError ? error.message : error);
	process.exit(1);
}
const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT * 1000 });

const registry = new Registry();
collectDefaultMetrics({ register: registry });
let gateway: GatewayApp | undefined;
const starting: CheckResult = { ok: false, detail: 'the gateway is still starting' };
// Served from the start, so liveness probes answer while the gateway logs in.
const health = await startHealthServer({
	port: config.HEALTH_PORT,
	host: config.HEALTH_HOST,
	logger,
	checks: {
		discord: () => gateway?.checks.discord?.() ?? starting,
		redis: () => gateway?.checks.redis?.() ?? starting,
	},
	metrics: prometheusRenderer(registry),
});
logger.info({ url: health.url }, `health server listening on ${health.url}`);
shutdown.add('mark not ready', () => health.markStopping());
shutdown.add('stop Discord intake', () => gateway?.stopIntake());
shutdown.add('close queue and Redis', () => gateway?.close());
shutdown.add('close health server', () => health.close());

try {
	gateway = await startGateway({ config, logger, registry });
} catch (error) {
	logger.fatal({ err: error }, `gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
	await health.close();
	process.exit(1);
}
