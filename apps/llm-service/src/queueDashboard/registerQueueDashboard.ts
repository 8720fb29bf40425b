import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { CharbotQueue, createRedisConnection, createRepeatedErrorLog, Keyspace, type Logger, QueueName } from '@charbot/core';
import fastifyBasicAuth from '@fastify/basic-auth';
import type { FastifyInstance } from 'fastify';
import { isSameSecret } from '../http/isSameSecret.js';
import type { QueueDashboardCredentials } from './queueDashboardCredentials.js';

/** Where the dashboard is served. */
export const queueDashboardPath = '/admin/queues';

/** The mounted dashboard; close it after the server. */
export interface QueueDashboard {
	close(): Promise<void>;
}

/** Mounts bull-board over the `route`, `review` and `deliver` queues at {@link queueDashboardPath}, behind HTTP basic auth. */
export async function registerQueueDashboard(
	app: FastifyInstance,
	credentials: QueueDashboardCredentials,
	keyPrefix: string,
	logger: Logger,
): Promise<QueueDashboard> {
	const connection = createRedisConnection({ url: credentials.redisUrl, role: 'producer', logger, connectionName: 'llm-service:queue-dashboard' });
	const prefix = new Keyspace(keyPrefix).queuePrefix();
	const queues = Object.values(QueueName).map((name) => {
		// A job whose stored data is not JSON must not break the dashboard's listing.
		const queue = new CharbotQueue(name, { connection, prefix });
		queue.on('error', createRepeatedErrorLog({ logger, label: `queue dashboard: ${name} queue`, level: 'warn', fields: { queue: name } }));
		return queue;
	});
	const serverAdapter = new FastifyAdapter().setBasePath(queueDashboardPath);
	createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });

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
		await scope.register(serverAdapter.registerPlugin(), { prefix: queueDashboardPath });
	});
	logger.info({ path: queueDashboardPath, queues: Object.values(QueueName) }, `queue dashboard served at ${queueDashboardPath} (basic auth)`);

	return {
		close: async () => {
			await Promise.all(queues.map((queue) => queue.close()));
			connection.disconnect();
		},
	};
}
