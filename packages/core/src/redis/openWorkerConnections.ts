import type { Logger } from '../logging/createLogger.js';
import type { UndoStack } from '../service/UndoStack.js';
import type { ClusterNode } from './clusterNodesSchema.js';
import { createRedisConnection, type RedisClient, waitForRedisReady } from './createRedisConnection.js';

/** Options of {@link openWorkerConnections}. */
export interface WorkerConnectionsOptions {
	readonly url: string;
	/** A Redis Cluster's startup nodes (`REDIS_CLUSTER_NODES`); unset: `url` is one server. */
	readonly clusterNodes?: readonly ClusterNode[] | undefined;
	readonly logger: Logger;
	/** Client names, as `CLIENT LIST` shows them. */
	readonly names: { readonly worker: string; readonly producer: string };
	/** The start's undo stack: the connections are dropped if a later step of the start fails. */
	readonly undo: UndoStack;
	readonly readyTimeoutMs: number;
}

/** A queue worker app's two Redis connections, and how to close them after its workers. */
export interface WorkerConnections {
	/** `worker` role: BullMQ blocks on it. */
	readonly worker: RedisClient;
	/** `producer` role: adding jobs and reading state fail fast, so a job retries instead of hanging. */
	readonly producer: RedisClient;
	quit(): Promise<void>;
}

/** Opens a worker app's two Redis connections and waits until the producer is ready. */
export async function openWorkerConnections(options: WorkerConnectionsOptions): Promise<WorkerConnections> {
	const { url, clusterNodes, logger, names } = options;
	const worker = createRedisConnection({ url, clusterNodes, role: 'worker', logger, connectionName: names.worker });
	const producer = createRedisConnection({ url, clusterNodes, role: 'producer', logger, connectionName: names.producer });
	options.undo.push(() => {
		worker.disconnect();
		producer.disconnect();
	});
	await waitForRedisReady(producer, options.readyTimeoutMs);
	return {
		worker,
		producer,
		quit: async () => {
			await Promise.all([worker.quit(), producer.quit()]);
		},
	};
}
