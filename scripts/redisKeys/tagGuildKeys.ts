import type { Redis } from 'ioredis';

/** What {@link tagGuildKeys} did, or would do with `dryRun`. */
export interface TagGuildKeysReport {
	/** Guild keys renamed to their hash-tagged name (`<prefix>:g:<guild>:…` to `<prefix>:g:{<guild>}:…`). */
	readonly renamed: number;
	/** Keys left alone because their tagged name already exists (written by the upgraded apps meanwhile). */
	readonly conflicts: readonly string[];
	/** Keys of the untagged queues (`<prefix>:q:<queue>:…`): jobs the upgraded apps never see; drain before upgrading. */
	readonly oldQueueKeys: number;
}

/**
 * Renames the guild keys (and their sealed webhook tokens) of a deployment written before Redis Cluster hash tags, so an
 * upgraded deployment keeps its settings, personas, memories and history. Runs on one Redis server (a rename never
 * crosses slots there): do it before moving to a cluster. Queues are not renamed: drain them first (docs/runbook.md).
 */
export async function tagGuildKeys(redis: Redis, prefix: string, options: { readonly dryRun?: boolean } = {}): Promise<TagGuildKeysReport> {
	let renamed = 0;
	const conflicts: string[] = [];
	for (const stem of [`${prefix}:g:`, `${prefix}-secret:g:`]) {
		for await (const keys of redis.scanStream({ match: `${stem}*`, count: 1000 }) as AsyncIterable<string[]>) {
			for (const key of keys) {
				const rest = key.slice(stem.length);
				if (rest.startsWith('{')) continue;
				const separator = rest.indexOf(':');
				const tagged = separator === -1 ? `${stem}{${rest}}` : `${stem}{${rest.slice(0, separator)}}${rest.slice(separator)}`;
				if (options.dryRun) {
					renamed += 1;
					continue;
				}
				if ((await redis.renamenx(key, tagged)) === 1) renamed += 1;
				else conflicts.push(key);
			}
		}
	}
	let oldQueueKeys = 0;
	for await (const keys of redis.scanStream({ match: `${prefix}:q:*`, count: 1000 }) as AsyncIterable<string[]>)
		oldQueueKeys += keys.filter((key) => !key.startsWith(`${prefix}:q:{`)).length;
	return { renamed, conflicts, oldQueueKeys };
}
