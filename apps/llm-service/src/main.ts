import { ConfigError, createLogger, createShutdown, loadConfigOrExit, registerSecret } from '@charbot/core';
import { createConfiguredPool, createPrometheusLlmMetrics, registerHostHealthMetrics } from '@charbot/llm';
import { Registry } from 'prom-client';
import { queueDashboardCredentials } from './queueDashboard/queueDashboardCredentials.js';
import { startLlmService } from './startLlmService.js';
import { waitForCache } from './waitForCache.js';

// The LLM service process: `npm run start:llm-service`.
const config = loadConfigOrExit();
registerSecret(config.LLM_SERVICE_ADMIN_TOKEN);
registerSecret(config.QUEUE_DASHBOARD_USER);
registerSecret(config.QUEUE_DASHBOARD_PASSWORD);
try {
	// Checked before the pool starts, so a half-set pair fails as plainly as any other bad setting.
	queueDashboardCredentials(config);
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(error.message);
	process.exit(1);
}
const logger = createLogger({ name: 'llm-service', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

const shutdownMs = config.SHUTDOWN_TIMEOUT * 1000;
const registry = new Registry();
const configured = await createConfiguredPool(config, logger, { metrics: [createPrometheusLlmMetrics(registry)] });
registerHostHealthMetrics(registry, configured.pool);
await waitForCache(configured, logger);
const service = await startLlmService({
	config,
	logger,
	pool: configured.pool,
	registry,
	...(config.LLM_SERVICE_ADMIN_TOKEN === undefined ? {} : { adminToken: config.LLM_SERVICE_ADMIN_TOKEN }),
	// Leave a quarter of the bound for closing the pool and the cache connection.
	closeGraceMs: Math.floor(shutdownMs * 0.75),
});
const shutdown = createShutdown({ logger, timeoutMs: shutdownMs });
shutdown.add('llm service', () => service.close());
shutdown.add('llm pool', () => configured.close());
