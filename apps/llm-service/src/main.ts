import { ConfigError, createLogger, createShutdown, loadConfigOrExit, registerSecret, scrubSecrets } from '@charbot/core';
import { createConfiguredPool, createPrometheusLlmMetrics, registerHostHealthMetrics } from '@charbot/llm';
import { Registry } from 'prom-client';
import { checkServiceSettings } from './checkServiceSettings.js';
import { startLlmService } from './startLlmService.js';
import { waitForCache } from './waitForCache.js';

// The LLM service process: `npm run start:llm-service`.
const config = loadConfigOrExit();
registerSecret(config.LLM_SERVICE_ADMIN_TOKEN);
registerSecret(config.LLM_SERVICE_TOKEN);
registerSecret(config.QUEUE_DASHBOARD_USER);
registerSecret(config.QUEUE_DASHBOARD_PASSWORD);

async function main(): Promise<void> {
	// Checked before the pool starts, so a missing setting fails as plainly as any other bad one.
	checkServiceSettings(config, config.LLM_SERVICE_ADMIN_TOKEN);
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
		// Leave a quarter of the bound for closing the pool and the cache connection.
		closeGraceMs: Math.floor(shutdownMs * 0.75),
	});
	const shutdown = createShutdown({ logger, timeoutMs: shutdownMs });
	shutdown.add('llm service', () => service.close());
	shutdown.add('llm pool', () => configured.close());
}

main().catch((error: unknown) => {
	// A refused setting is one line naming it; anything else keeps its stack.
	const text = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
	console.error(`llm-service: ${scrubSecrets(text)}`);
	process.exit(1);
});
