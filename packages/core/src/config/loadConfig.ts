import { config as loadDotenv } from 'dotenv';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from './ConfigError.js';
import { type Config, type SettingDefinition, type SettingName, settingDefinitions } from './settingDefinitions.js';

/** Where settings come from: a plain record, `process.env` by default. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
	/** Read a `.env` file into the environment first (only when `env` is `process.env`). */
	readonly dotenv?: boolean;
}

/**
 * Parses every setting at once. Throws a {@link ConfigError} naming each bad variable, what is wrong
 * and an example; secret values are never included.
 */
export function loadConfig(env: Environment = process.env, options: LoadConfigOptions = {}): Config {
	if (env === process.env && options.dotenv !== false) loadDotenv({ quiet: true });
	const problems: ConfigProblem[] = [];
	const parsed: Record<string, unknown> = {};
	for (const [name, definition] of Object.entries(settingDefinitions) as [SettingName, SettingDefinition][]) {
		const raw = normalise(env[name]);
		const result = definition.schema.safeParse(raw);
		if (result.success) {
			parsed[name] = result.data;
			continue;
		}
		problems.push({ variable: name, problem: describeFailure(result.error, raw, definition), example: definition.example });
	}
	problems.push(...checkShards(parsed), ...checkRedisClusters(parsed));
	if (problems.length > 0) throw new ConfigError(problems);
	return Object.freeze(parsed) as Config;
}

function normalise(raw: string | undefined): string | undefined {
	const trimmed = raw?.trim();
	return trimmed === '' ? undefined : trimmed;
}

function describeFailure(error: z.ZodError, raw: string | undefined, definition: SettingDefinition): string {
	const reasons = [...new Set(error.issues.map((issue) => issue.message))].join('; ');
	if (raw === undefined) return `is required (${reasons})`;
	if (definition.secret) return `${reasons} (value hidden)`;
	return `${reasons}; got ${JSON.stringify(raw)}`;
}

// A nodes list takes its user, password and TLS from the URL beside it.
function checkRedisClusters(parsed: Record<string, unknown>): ConfigProblem[] {
	const problems: ConfigProblem[] = [];
	if (parsed.REDIS_CLUSTER_NODES !== undefined && parsed.REDIS_URL === undefined)
		problems.push({
			variable: 'REDIS_URL',
			problem: 'is required with REDIS_CLUSTER_NODES (its user, password and TLS)',
			example: settingDefinitions.REDIS_URL.example,
		});
	if (parsed.CACHE_REDIS_CLUSTER_NODES !== undefined && parsed.CACHE_REDIS_URL === undefined)
		problems.push({
			variable: 'CACHE_REDIS_URL',
			problem: 'is required with CACHE_REDIS_CLUSTER_NODES (its user, password and TLS)',
			example: settingDefinitions.CACHE_REDIS_URL.example,
		});
	return problems;
}

// Shard ids must fit the shard count.
function checkShards(parsed: Record<string, unknown>): ConfigProblem[] {
	const ids = parsed.DISCORD_SHARD_IDS as readonly number[] | undefined;
	const count = parsed.DISCORD_SHARD_COUNT as number | undefined;
	if (ids === undefined) return [];
	const example = settingDefinitions.DISCORD_SHARD_IDS.example;
	if (count === undefined) return [{ variable: 'DISCORD_SHARD_IDS', problem: 'needs DISCORD_SHARD_COUNT (the total number of shards) to be set too', example }];
	const outside = ids.filter((id) => id >= count);
	if (outside.length === 0) return [];
	return [{ variable: 'DISCORD_SHARD_IDS', problem: `each shard must be below DISCORD_SHARD_COUNT (${count}); got ${outside.join(', ')}`, example }];
}
