import type { RunningService, ServiceContext } from '@charbot/core';
import { createConfiguredPool, createPrometheusLlmMetrics, registerHostHealthMetrics } from '@charbot/llm';
import { checkServiceSettings } from './checkServiceSettings.js';
import { startLlmService } from './startLlmService.js';
import { waitForCache } from './waitForCache.js';

/** Starts the LLM service process's parts: its pool (with metrics and the response cache), then the API on `HEALTH_PORT`. */
export async function startLlmServiceProcess({ config, logger, registry }: ServiceContext): Promise<RunningService> {
	// Checked before the pool starts, so a missing setting fails as plainly as any other bad one.
	checkServiceSettings(config, config.LLM_SERVICE_ADMIN_TOKEN);
	const shutdownMs = config.SHUTDOWN_TIMEOUT * 1000;
	const configured = await createConfiguredPool(config, logger, { metrics: [createPrometheusLlmMetrics(registry)] });
	try {
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
		return {
			close: async () => {
				await service.close();
				await configured.close();
			},
		};
	} catch (error) {
		await configured.close();
		throw error;
	}
}
