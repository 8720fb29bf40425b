import { GatewayCloseCodes, KnownIntentBits } from './GatewayIntents.js';

/** A valid IDENTIFY, reduced to what the emulator uses. */
export interface IdentifyRequest {
	readonly shardId: number;
	readonly shardCount: number;
	readonly intents: number;
	readonly largeThreshold: number;
}

/** Why an IDENTIFY is refused: the close code and reason Discord would send. */
export interface IdentifyRefusal {
	readonly closeCode: number;
	readonly reason: string;
}

/** What {@link checkIdentify} needs besides the payload. */
export interface IdentifyRules {
	readonly token: string;
	/** Intents the application is not approved for (closes with 4014). */
	readonly disallowedIntents: number;
	/** How many guilds a shard of this shard count would hold; over 2,500 needs more shards (4011). */
	readonly guildsOnShard: (shardId: number, shardCount: number) => number;
}

/** Checks an IDENTIFY payload like Discord: token 4004, shard 4010/4011, intents 4013/4014. */
export function checkIdentify(data: Record<string, unknown>, rules: IdentifyRules): IdentifyRequest | IdentifyRefusal {
	const token = typeof data.token === 'string' ? data.token.replace(/^Bot\s+/i, '') : '';
	if (token !== rules.token) return { closeCode: GatewayCloseCodes.AuthenticationFailed, reason: 'Authentication failed.' };
	if (typeof data.intents !== 'number' || !Number.isInteger(data.intents) || data.intents < 0 || (data.intents & ~KnownIntentBits) !== 0) {
		return { closeCode: GatewayCloseCodes.InvalidIntents, reason: 'Invalid intent(s).' };
	}
	if ((data.intents & rules.disallowedIntents) !== 0) return { closeCode: GatewayCloseCodes.DisallowedIntents, reason: 'Disallowed intent(s).' };
	const shard = Array.isArray(data.shard) ? data.shard : [0, 1];
	const [shardId, shardCount] = shard as unknown[];
	if (
		!Number.isInteger(shardId) ||
		!Number.isInteger(shardCount) ||
		(shardCount as number) < 1 ||
		(shardId as number) < 0 ||
		(shardId as number) >= (shardCount as number)
	) {
		return { closeCode: GatewayCloseCodes.InvalidShard, reason: 'Invalid shard.' };
	}
	if (rules.guildsOnShard(shardId as number, shardCount as number) > 2500)
		return { closeCode: GatewayCloseCodes.ShardingRequired, reason: 'Sharding is required.' };
	const threshold = typeof data.large_threshold === 'number' ? Math.min(250, Math.max(50, data.large_threshold)) : 50;
	return { shardId: shardId as number, shardCount: shardCount as number, intents: data.intents, largeThreshold: threshold };
}
