import { describe, expect, it } from 'vitest';
import { checkIdentify, type IdentifyRules } from './checkIdentify.js';
import { GatewayIntents } from './GatewayIntents.js';

const rules: IdentifyRules = { token: 'secret', disallowedIntents: 0, guildsOnShard: () => 10 };

describe('checkIdentify', () => {
	it('accepts a good identify and clamps large_threshold to 50..250', () => {
		expect(checkIdentify({ token: 'secret', intents: GatewayIntents.Guilds, shard: [1, 2], large_threshold: 1000 }, rules)).toEqual({
			shardId: 1,
			shardCount: 2,
			intents: 1,
			largeThreshold: 250,
		});
		expect(checkIdentify({ token: 'secret', intents: 0 }, rules)).toMatchObject({ shardId: 0, shardCount: 1, largeThreshold: 50 });
	});

	it('closes with the code Discord uses for each problem', () => {
		expect(checkIdentify({ token: 'wrong', intents: 1 }, rules)).toMatchObject({ closeCode: 4004 });
		expect(checkIdentify({ token: 'secret', intents: 1 << 30 }, rules)).toMatchObject({ closeCode: 4013 });
		expect(
			checkIdentify({ token: 'secret', intents: GatewayIntents.MessageContent }, { ...rules, disallowedIntents: GatewayIntents.MessageContent }),
		).toMatchObject({
			closeCode: 4014,
		});
		expect(checkIdentify({ token: 'secret', intents: 1, shard: [2, 2] }, rules)).toMatchObject({ closeCode: 4010 });
		expect(checkIdentify({ token: 'secret', intents: 1 }, { ...rules, guildsOnShard: () => 2501 })).toMatchObject({ closeCode: 4011 });
	});
});
