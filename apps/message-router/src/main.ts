import { ConfigError, createLogger, createShutdown, loadConfigOrExit, prometheusRenderer, registerSecret, startHealthServer } from '@charbot/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { startMessageRouter } from './startMessageRouter.js';

// The message-router process: `npm run start:router`.
const config = loadConfigOrExit();
registerSecret(config.DISCORD_TOKEN);
const logger = createLogger({ name: 'message-router', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

const registry = new Registry();
collectDefaultMetrics({ register: registry });
const router = await startMessageRouter({ config, logger, registry }).catch((error: unknown) => {
	// A refused setting (the Ollama simulator in production, say) is one line naming it, not a stack.
	if (!(error instanceof ConfigError)) throw error;
	console.error(`message-router: ${error.message}`);
	process.exit(1);
});
const health = await startHealthServer({
	port: config.HEALTH_PORT,
	host: config.HEALTH_HOST,
	logger,
	checks: {
		redis: async () => ({ ok: (await router.redis.ping()) === 'PONG' }),
		ollama: async () => {
			const health = await router.pool.health();
			const chat = health.roles.chat;
			return health.ready
				? { ok: true, detail: `${chat?.readyHosts.length} host(s) ready for ${chat?.model}` }
				: {
						ok: false,
						detail: `no host ready for ${chat?.model}: ${health.hosts.map((host) => `${host.url} ${host.error ?? (host.alive ? 'model missing' : 'down')}`).join('; ')}`,
					};
		},
		characters: () => ({ ok: router.characters.list().length > 0, detail: `${router.characters.list().length} loaded` }),
	},
	metrics: prometheusRenderer(registry),
});
const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT * 1000 });
shutdown.add('readiness', () => health.markStopping());
shutdown.add('router', () => router.close());
shutdown.add('health server', () => health.close());
logger.info({ health: health.url }, 'message router running');
