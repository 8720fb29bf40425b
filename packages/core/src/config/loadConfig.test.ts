import { describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError.js';
import { loadConfig } from './loadConfig.js';

describe('loadConfig', () => {
	it('applies the documented defaults to an empty environment', () => {
		const config = loadConfig({});
		expect(config.LOG_LEVEL).toBe('info');
		expect(config.OLLAMA_BASE_URL).toBe('http://localhost:11434');
		expect(config.LLM_RESPONSE_CACHE_TTL).toBe(3600);
		expect(config.REDIS_URL).toBeUndefined();
		expect(config.ALLOW_SIMULATED_PARTS).toBe(false);
	});

	it('coerces numbers and flags from strings', () => {
		const config = loadConfig({ MAX_CONCURRENT_REQUESTS: '8', ALLOW_SIMULATED_PARTS: 'yes', HEALTH_PORT: '0' });
		expect(config.MAX_CONCURRENT_REQUESTS).toBe(8);
		expect(config.ALLOW_SIMULATED_PARTS).toBe(true);
		expect(config.HEALTH_PORT).toBe(0);
	});

	it('reports every problem at once, naming the variable, the problem and an example, without echoing secrets', () => {
		const token = 'not a token: has spaces and "quotes" sdfkjhsdkfjhskdjfhksjdhf';
		const error = captureConfigError({
			LOG_LEVEL: 'verbose',
			MAX_CONCURRENT_REQUESTS: '-3',
			REDIS_URL: 'http://user:hunter2secret@redis:6379',
			DISCORD_TOKEN: token,
			HEALTH_PORT: '70000',
		});
		expect(error.problems.map((problem) => problem.variable).sort()).toEqual([
			'DISCORD_TOKEN',
			'HEALTH_PORT',
			'LOG_LEVEL',
			'MAX_CONCURRENT_REQUESTS',
			'REDIS_URL',
		]);
		expect(error.message).toContain('Invalid configuration (5 problems)');
		expect(error.message).toMatch(/LOG_LEVEL: .*got "verbose"\. Example: LOG_LEVEL=info/);
		expect(error.message).toMatch(/MAX_CONCURRENT_REQUESTS: must be greater than 0; got "-3"/);
		expect(error.message).toMatch(/REDIS_URL: must be a URL starting with redis:\/\/ or rediss:\/\/ \(value hidden\)/);
		expect(error.message).not.toContain('hunter2secret');
		expect(error.message).not.toContain('sdfkjhsdkfjhskdjfhksjdhf');
	});

	it('treats blank values as unset', () => {
		expect(loadConfig({ REDIS_URL: '  ', LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
	});

	it('reads the gateway shards and refuses shard ids outside the shard count', () => {
		const config = loadConfig({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '1, 3,1' });
		expect(config.DISCORD_SHARD_COUNT).toBe(4);
		expect(config.DISCORD_SHARD_IDS).toEqual([1, 3]);
		expect(captureConfigError({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '1,2,5' }).message).toContain(
			'DISCORD_SHARD_IDS: each shard must be below DISCORD_SHARD_COUNT (2); got 2, 5',
		);
		expect(captureConfigError({ DISCORD_SHARD_IDS: '0' }).message).toContain('DISCORD_SHARD_IDS: needs DISCORD_SHARD_COUNT');
		expect(captureConfigError({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: 'one' }).message).toContain('must be a comma-separated list of shard numbers');
	});

	it('reads Redis Cluster nodes lists, each needing the URL its credentials come from', () => {
		const config = loadConfig({ REDIS_URL: 'redis://app:pw@redis-0:6379', REDIS_CLUSTER_NODES: 'redis-0:6379, 10.0.0.2:7001,' });
		expect(config.REDIS_CLUSTER_NODES).toEqual([
			{ host: 'redis-0', port: 6379 },
			{ host: '10.0.0.2', port: 7001 },
		]);
		expect(config.CACHE_REDIS_CLUSTER_NODES).toBeUndefined();
		expect(captureConfigError({ REDIS_CLUSTER_NODES: 'redis-0:6379' }).message).toContain('REDIS_URL: is required with REDIS_CLUSTER_NODES');
		expect(captureConfigError({ CACHE_REDIS_CLUSTER_NODES: 'cache-0:6379', REDIS_URL: 'redis://redis:6379' }).message).toContain(
			'CACHE_REDIS_URL: is required with CACHE_REDIS_CLUSTER_NODES',
		);
		expect(captureConfigError({ REDIS_URL: 'redis://redis:6379', REDIS_CLUSTER_NODES: 'redis-0' }).message).toMatch(
			/REDIS_CLUSTER_NODES: each node must be host:port/,
		);
		expect(captureConfigError({ REDIS_URL: 'redis://redis:6379', REDIS_CLUSTER_NODES: 'redis-0:70000' }).message).toContain(
			'the port of redis-0:70000 must be 1-65535',
		);
		expect(captureConfigError({ REDIS_URL: 'redis://redis:6379', REDIS_CLUSTER_NODES: ' , ' }).message).toContain(
			'REDIS_CLUSTER_NODES: must list at least one host:port',
		);
	});
});

function captureConfigError(env: Record<string, string>): ConfigError {
	try {
		loadConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error('loadConfig accepted an invalid environment');
}
