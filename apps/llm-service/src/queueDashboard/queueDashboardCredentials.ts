import { type ClusterNode, type Config, ConfigError } from '@charbot/core';

/** Who may open the queue dashboard, and the queue Redis it reads. */
export interface QueueDashboardCredentials {
	readonly user: string;
	readonly password: string;
	readonly redisUrl: string;
	/** The queue Redis Cluster's startup nodes (`REDIS_CLUSTER_NODES`), when the queues are on one. */
	readonly clusterNodes?: readonly ClusterNode[] | undefined;
}

/** The dashboard's credentials when both are set, `undefined` when neither is; a {@link ConfigError} naming both when only one is. */
export function queueDashboardCredentials(config: Config): QueueDashboardCredentials | undefined {
	const { QUEUE_DASHBOARD_USER: user, QUEUE_DASHBOARD_PASSWORD: password, REDIS_URL: redisUrl } = config;
	if (user === undefined && password === undefined) return undefined;
	if (user === undefined || password === undefined) {
		const missing = user === undefined ? 'QUEUE_DASHBOARD_USER' : 'QUEUE_DASHBOARD_PASSWORD';
		const problem = `is missing: QUEUE_DASHBOARD_USER and QUEUE_DASHBOARD_PASSWORD are set together to serve the queue dashboard, or both left unset to keep it off`;
		throw new ConfigError([{ variable: missing, problem, example: '<a long random string>' }]);
	}
	if (redisUrl === undefined) {
		const problem = 'is required when QUEUE_DASHBOARD_USER and QUEUE_DASHBOARD_PASSWORD are set (the dashboard reads the queues there)';
		throw new ConfigError([{ variable: 'REDIS_URL', problem, example: 'redis://localhost:6379' }]);
	}
	return { user, password, redisUrl, clusterNodes: config.REDIS_CLUSTER_NODES };
}
