import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { createRedisConnection, createRepeatedErrorLog, Keyspace, type Logger } from '@charbot/core';
import { CharbotQueue, QueueName } from '@charbot/contracts';
import fastifyBasicAuth from '@fastify/basic-auth';
import type { FastifyInstance } from 'fastify';
import { isSameSecret } from '../http/isSameSecret.js';
import { maskJobSecrets } from './maskJobSecrets.js';
import type { QueueDashboardCredentials } from './queueDashboardCredentials.js';
import { refuseCrossSiteWrites } from './refuseCrossSiteWrites.js';

/** Where the dashboard is served. */
export const queueDashboardPath = '/admin/queues';

/** Routes refused even with writes on: a job added or edited here would skip review (a deliver job posts as any character). */
const neverAllowedRoutes = new Set(['/api/queues/:queueName/add', '/api/queues/:queueName/:jobId/update-data']);

/** Options of {@link registerQueueDashboard}. */
export interface QueueDashboardOptions {
	/** `QUEUE_DASHBOARD_WRITES`: retry, remove, promote, pause; off, the dashboard only shows the queues. */
	readonly writes: boolean;
}

/** The mounted dashboard; close it after the server. */
export interface QueueDashboard {
	close(): Promise<void>;
}

/**
 * Mounts bull-board over the `route`, `review` and `deliver` queues at {@link queueDashboardPath}, behind HTTP basic auth:
 * read-only unless `writes`, never adding or editing jobs, JSON bodies only, cross-site writes refused, and tokens masked
 * in everything it shows.
 */
export async function registerQueueDashboard(
	app: FastifyInstance,
	credentials: QueueDashboardCredentials,
	keyPrefix: string,
	logger: Logger,
	options: QueueDashboardOptions = { writes: false },
): Promise<QueueDashboard> {
	const connection = createRedisConnection({
		url: credentials.redisUrl,
		clusterNodes: credentials.clusterNodes,
		role: 'producer',
		logger,
		connectionName: 'llm-service:queue-dashboard',
	});
	const keys = new Keyspace(keyPrefix);
	const queues = Object.values(QueueName).map((name) => {
		// A job whose stored data is not JSON must not break the dashboard's listing.
		const queue = new CharbotQueue(name, { connection, prefix: keys.queuePrefix(name) });
		queue.on('error', createRepeatedErrorLog({ logger, label: `queue dashboard: ${name} queue`, level: 'warn', fields: { queue: name } }));
		return queue;
	});
	const serverAdapter = new FastifyAdapter().setBasePath(queueDashboardPath);
	const adapterOptions = { readOnlyMode: !options.writes, allowRetries: options.writes };
	createBullBoard({
		queues: queues.map((queue) => new BullMQAdapter(queue, adapterOptions)),
		serverAdapter,
		options: {
			uiConfig: {},
			handlerHooks: {
				before: ({ route }) =>
					neverAllowedRoutes.has(route)
						? { allow: false, status: 403, message: 'adding or editing jobs is refused: their replies would skip review' }
						: { allow: true },
				// Every answer, not only job data: failure reasons, stack traces and logs can quote a webhook URL.
				after: (_context, result) => ({ ...result, body: maskJobSecrets(result.body) }) as typeof result,
			},
		},
	});

	await app.register(async (scope) => {
		await scope.register(fastifyBasicAuth, {
			authenticate: { realm: 'charbot-queues' },
			validate: async (user, password) => {
				// Both compared every time, so the answer's timing doesn't tell which one was wrong.
				const userMatches = isSameSecret(user, credentials.user);
				const passwordMatches = isSameSecret(password, credentials.password);
				if (!userMatches || !passwordMatches) return new Error('wrong queue dashboard user or password');
				return undefined;
			},
		});
		scope.addHook('onRequest', scope.basicAuth);
		scope.addHook('onRequest', refuseCrossSiteWrites);
		scope.removeContentTypeParser(['text/plain']);
		await scope.register(serverAdapter.registerPlugin(), { prefix: queueDashboardPath });
	});
	logger.info(
		{ path: queueDashboardPath, queues: Object.values(QueueName), writes: options.writes },
		`queue dashboard served at ${queueDashboardPath} (basic auth, ${options.writes ? 'writes on: QUEUE_DASHBOARD_WRITES' : 'read-only'})`,
	);

	return {
		close: async () => {
			await Promise.all(queues.map((queue) => queue.close()));
			connection.disconnect();
		},
	};
}
