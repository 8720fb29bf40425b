import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Config, Logger } from '@charbot/core';
import { type ConfiguredPool, createConfiguredPool, createPrometheusLlmMetrics, type LlmPool } from '@charbot/llm';
import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { OpenRequests } from './http/OpenRequests.js';
import { RequestAborts } from './http/RequestAborts.js';
import { registerErrorHandling } from './http/registerErrorHandling.js';
import { requireBearerToken } from './http/requireBearerToken.js';
import { instrumentHttp } from './metrics/instrumentHttp.js';
import { registerAdminRoutes } from './routes/admin/registerAdminRoutes.js';
import { registerGenerateRoute } from './routes/generate/registerGenerateRoute.js';
import { registerHealthRoutes } from './routes/health/registerHealthRoutes.js';
import { registerMetricsRoutes } from './routes/registerMetricsRoutes.js';
import { registerOllamaInferenceRoutes } from './routes/ollama/registerOllamaInferenceRoutes.js';
import { registerOllamaInfoRoutes } from './routes/ollama/registerOllamaInfoRoutes.js';
import { checkServiceSettings } from './checkServiceSettings.js';
import { queueDashboardCredentials } from './queueDashboard/queueDashboardCredentials.js';
import { type QueueDashboard, queueDashboardPath, registerQueueDashboard } from './queueDashboard/registerQueueDashboard.js';
import { resolveLlmServiceOptions } from './resolveLlmServiceOptions.js';
import type { ServiceContext } from './ServiceContext.js';
import { waitForCache } from './waitForCache.js';

/** Options of {@link startLlmService}. */
export interface LlmServiceOptions {
	readonly config: Config;
	readonly logger: Logger;
	/** A started pool, left open on close; when absent, one is made from `config` and closed with the service. */
	readonly pool?: LlmPool;
	/** The registry the given pool's `createPrometheusLlmMetrics` feeds; the service adds its HTTP and process series. */
	readonly registry?: Registry;
	/** Port to bind; `HEALTH_PORT` by default (0 picks a free one). */
	readonly port?: number;
	/** Address to bind; `LLM_SERVICE_HOST` (`127.0.0.1`) by default. */
	readonly host?: string;
	/** Bearer token the admin endpoints (`/validate-model`, `/cache/clear`) require; `LLM_SERVICE_ADMIN_TOKEN` by default. Without one they answer 403. */
	readonly adminToken?: string;
	/** Bearer token the generation routes (`/generate`, `/api/*`) require; `LLM_SERVICE_TOKEN` by default. Without one they are open. */
	readonly generationToken?: string;
	/** Largest request body in bytes; larger ones get 413. */
	readonly bodyLimitBytes?: number;
	/** How long {@link LlmService.close} lets requests in flight finish before it cancels them. */
	readonly closeGraceMs?: number;
}

/** A running LLM service. */
export interface LlmService {
	/** Base URL, e.g. `http://127.0.0.1:8080`; give it to an Ollama client as its host. */
	readonly url: string;
	readonly port: number;
	readonly pool: LlmPool;
	readonly registry: Registry;
	/** Stops accepting, lets requests in flight finish within the grace period, cancels the rest, closes an owned pool. */
	close(): Promise<void>;
}

/**
 * Starts the LLM service API (health, generate, metrics, model validation, cache clear, Ollama-compatible front, queue
 * dashboard). Throws a `ConfigError` before anything opens when a setting is missing (the admin token in production) or
 * a host is the Ollama simulator in production.
 */
export async function startLlmService(options: LlmServiceOptions): Promise<LlmService> {
	const { config, logger } = options;
	const adminToken = options.adminToken ?? config.LLM_SERVICE_ADMIN_TOKEN;
	const generationToken = options.generationToken ?? config.LLM_SERVICE_TOKEN;
	checkServiceSettings(config, adminToken);
	const { bodyLimitBytes, closeGraceMs } = resolveLlmServiceOptions(options);
	const registry = options.registry ?? new Registry();
	const dashboardCredentials = queueDashboardCredentials(config);
	let owned: ConfiguredPool | undefined;
	if (options.pool === undefined) {
		owned = await createConfiguredPool(config, logger, { metrics: [createPrometheusLlmMetrics(registry)] });
		await waitForCache(owned, logger);
	}
	const pool = options.pool ?? (owned as ConfiguredPool).pool;
	const models = new Set(Object.values((await pool.health()).roles).map((role) => role.model));
	let stopping = false;
	const aborts = new RequestAborts();
	const open = new OpenRequests();
	const context: ServiceContext = {
		pool,
		logger,
		registry,
		aborts,
		startedAt: Date.now(),
		adminToken,
		models,
		isStopping: () => stopping,
	};

	const app = Fastify({ logger: false, bodyLimit: bodyLimitBytes, forceCloseConnections: 'idle' });
	registerErrorHandling(app, logger, bodyLimitBytes);
	app.addHook('onRequest', async (_request, reply) => open.track(reply.raw));
	// Answers sent while closing tell the client to hang up, so it doesn't reuse a connection about to go.
	app.addHook('onSend', async (_request, reply, payload) => {
		if (stopping) void reply.header('connection', 'close');
		return payload;
	});
	instrumentHttp(app, registry);
	registerHealthRoutes(app, context);
	registerMetricsRoutes(app, context);
	registerAdminRoutes(app, context);
	// The generation routes, behind LLM_SERVICE_TOKEN when it is set (the admin token opens them too).
	void app.register(async (scope) => {
		if (generationToken !== undefined) {
			const accepted = adminToken === undefined ? [generationToken] : [generationToken, adminToken];
			scope.addHook('onRequest', requireBearerToken({ accepted, offMessage: 'the generation routes are off' }));
		}
		registerGenerateRoute(scope, context);
		registerOllamaInferenceRoutes(scope, context);
		registerOllamaInfoRoutes(scope, context);
	});

	const host = options.host ?? config.LLM_SERVICE_HOST;
	let dashboard: QueueDashboard | undefined;
	try {
		if (dashboardCredentials === undefined) {
			logger.info(`queue dashboard off: set QUEUE_DASHBOARD_USER and QUEUE_DASHBOARD_PASSWORD to serve it at ${queueDashboardPath}`);
		} else {
			dashboard = await registerQueueDashboard(app, dashboardCredentials, config.REDIS_KEY_PREFIX, logger, { writes: config.QUEUE_DASHBOARD_WRITES });
		}
		await app.listen({ port: options.port ?? config.HEALTH_PORT, host, ipv6Only: false });
	} catch (error) {
		await dashboard?.close();
		await owned?.close();
		throw error;
	}
	const { port } = app.server.address() as AddressInfo;
	const urlHost = host === '::' || host === '0.0.0.0' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	const url = `http://${urlHost}:${port}`;
	logger.info(
		{
			url,
			hosts: pool.hostStates.map((state) => state.url),
			models: [...models],
			admin: adminToken === undefined ? 'off' : 'token',
			generation: generationToken === undefined ? 'open' : 'token',
		},
		`llm-service listening on ${url}`,
	);

	let closing: Promise<void> | undefined;
	const close = async () => {
		stopping = true;
		const closed = app.close();
		let timer: NodeJS.Timeout | undefined;
		const graceOver = new Promise<'grace over'>((resolve) => {
			timer = setTimeout(() => resolve('grace over'), closeGraceMs);
		});
		if ((await Promise.race([open.idle(), graceOver])) === 'grace over') {
			logger.warn({ open: open.size, closeGraceMs }, `llm-service: cancelling ${aborts.size} generations still running after ${closeGraceMs} ms`);
			aborts.abortAll('the LLM service is shutting down');
			// A moment for the cancelled requests to send their 503 before their connections go.
			await Promise.race([open.idle(), delay(500)]);
		}
		clearTimeout(timer);
		// Keep-alive connections, and ones a client opened but never used, would hold close() until the client hangs up.
		app.server.closeAllConnections();
		await closed;
		await dashboard?.close();
		await owned?.close();
		logger.info('llm-service closed');
	};
	return {
		url,
		port,
		pool,
		registry,
		close: () => {
			closing ??= close();
			return closing;
		},
	};
}
