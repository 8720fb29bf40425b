import { describe, expect, it } from 'vitest';
import { Keyspace } from './Keyspace.js';

describe('Keyspace', () => {
	const keys = new Keyspace('charbot');

	it('namespaces global and guild keys', () => {
		expect(keys.global('llm', 'cache', 'abc')).toBe('charbot:llm:cache:abc');
		expect(keys.guild('123456789012345678', 'history', '223456789012345678')).toBe('charbot:g:{123456789012345678}:history:223456789012345678');
		expect(keys.guild(null, 'history', '223456789012345678')).toBe('charbot:g:{dm}:history:223456789012345678');
	});

	it('gives each queue and each guild a Redis Cluster hash tag of its own, under the prefix', () => {
		expect(keys.queuePrefix('deliver')).toBe('charbot:q:{deliver}');
		expect(keys.delivered('123456789012345678', 'msg-1-peter', 0)).toBe('charbot:g:{123456789012345678}:delivered:msg-1-peter:0');
		expect(keys.channelWebhookToken('123456789012345678', '223456789012345678')).toBe('charbot-secret:g:{123456789012345678}:webhook-token:223456789012345678');
		expect(() => keys.queuePrefix('a}b')).toThrow(/key part/);
	});

	it('keys LLM notices by guild, notice and channel or interaction', () => {
		expect(keys.channelNotice('123456789012345678', 'llm-resting', '223456789012345678')).toBe(
			'charbot:g:{123456789012345678}:notice:llm-resting:223456789012345678',
		);
		expect(keys.channelNotice(null, 'llm-gave-up', 'i-323456789012345678')).toBe('charbot:g:{dm}:notice:llm-gave-up:i-323456789012345678');
	});

	it("keys the LLM response cache and coalescing under their shard's hash tag, so one script's keys share a cluster slot", () => {
		const cacheKey = `llm_response:${'a'.repeat(64)}:peter:0123456789abcdef`;
		expect(keys.llmResponse(cacheKey, 3)).toBe(`charbot:{llm:3}:${cacheKey}`);
		expect(keys.llmResponsePattern()).toBe('charbot:{llm:*}:llm_response:*');
		expect(keys.llmCacheLru(3)).toBe('charbot:{llm:3}:llm_cache_lru');
		expect(keys.llmCacheModels(3)).toBe('charbot:{llm:3}:llm_cache_models');
		expect(keys.llmInflight(cacheKey, 3)).toBe(`charbot:{llm:3}:llm_inflight:${cacheKey}`);
		expect(keys.llmInflightResult(cacheKey, 3)).toBe(`charbot:{llm:3}:llm_inflight_result:${cacheKey}`);
		expect(() => keys.llmResponse('llm_response:a b', 0)).toThrow(/key part/);
		expect(() => keys.llmCacheLru(-1)).toThrow(/shard/);
		expect(() => keys.llmInflight(cacheKey, 1.5)).toThrow(/shard/);
	});

	it('refuses parts that could forge another key', () => {
		expect(() => keys.global('a:b')).toThrow(/key part/);
		expect(() => keys.guild('1 2')).toThrow(/key part/);
		expect(() => new Keyspace('')).toThrow(/prefix/);
	});
});
