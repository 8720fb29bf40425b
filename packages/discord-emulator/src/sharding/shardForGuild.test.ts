import { describe, expect, it } from 'vitest';
import { SnowflakeGenerator } from '../snowflake/SnowflakeGenerator.js';
import { shardForGuild } from './shardForGuild.js';

describe('shardForGuild', () => {
	it('matches the formula from the Discord docs', () => {
		// 197038439483310086 >> 22 = 46977624770
		const id = '197038439483310086';
		expect(shardForGuild(id, 1)).toBe(0);
		expect(shardForGuild(id, 2)).toBe(0);
		expect(shardForGuild(id, 7)).toBe(6);
		expect(shardForGuild('197038439487504390', 2)).toBe(1);
	});

	it('sends DMs to shard 0', () => {
		expect(shardForGuild(null, 4)).toBe(0);
	});

	it('spreads guilds made in new milliseconds round-robin', () => {
		const generator = new SnowflakeGenerator();
		const shards = Array.from({ length: 8 }, () => shardForGuild(generator.nextInNewMillisecond(1_700_000_000_000), 4));
		expect(new Set(shards).size).toBe(4);
		expect(shards.slice(4)).toEqual(shards.slice(0, 4));
	});
});
