import { createLogger, createRedisConnection, loadConfig, waitForRedisReady } from '@charbot/core';
import { tagGuildKeys } from './redisKeys/tagGuildKeys.js';

// Upgrading to the hash-tagged keys ([deploy]): renames a deployment's guild keys on its one Redis server
// (`REDIS_URL`, `REDIS_KEY_PREFIX`); `--dry-run` only counts. Stop the apps and drain the queues first.
const config = loadConfig();
if (config.REDIS_URL === undefined) throw new Error('REDIS_URL is required: the Redis server whose keys to rename');
if (config.REDIS_CLUSTER_NODES !== undefined) throw new Error('REDIS_CLUSTER_NODES is set: rename the keys on the one server, before moving to a cluster');
const dryRun = process.argv.includes('--dry-run');
const redis = createRedisConnection({ url: config.REDIS_URL, role: 'producer', logger: createLogger({ name: 'tag-redis-keys', format: 'json' }) });
try {
	await waitForRedisReady(redis);
	const report = await tagGuildKeys(redis, config.REDIS_KEY_PREFIX, { dryRun });
	process.stdout.write(
		`${dryRun ? 'would rename' : 'renamed'} ${report.renamed} guild keys; ${report.conflicts.length} left alone (tagged name taken)` +
			`${report.conflicts.length > 0 ? `: ${report.conflicts.slice(0, 20).join(', ')}` : ''}\n`,
	);
	if (report.oldQueueKeys > 0)
		process.stdout.write(`${report.oldQueueKeys} keys of untagged queues remain: their jobs are never run; drain before upgrading\n`);
} finally {
	redis.disconnect();
}
