import { type Logger, waitForRedisReady } from '@charbot/core';
import type { ConfiguredPool } from '@charbot/llm';

/** Gives the cache connection a few seconds to come up, so the first requests use it; the service runs without it otherwise. */
export async function waitForCache(configured: ConfiguredPool, logger: Logger, timeoutMs = 5000): Promise<void> {
	if (configured.cacheConnection === undefined) return;
	await waitForRedisReady(configured.cacheConnection, timeoutMs).catch((error: unknown) => {
		logger.warn({ err: error }, 'llm-service: the response cache is not reachable yet; generating without it until it is');
	});
}
