import type { Keyspace, RedisClient } from '@charbot/core';
import { z } from 'zod';

/** Changes kept per guild; older ones are dropped. */
export const SettingsAuditLimit = 100;

/** Who changed settings. */
export interface SettingsActor {
	readonly id: string;
	readonly name: string;
}

/** One recorded settings change: who, when, which key at which level, old → new (null: not set at that level). */
export const settingsAuditEntrySchema = z.object({
	at: z.number().int().nonnegative(),
	actorId: z.string().min(1),
	actorName: z.string(),
	scope: z.enum(['server', 'channel']),
	channelId: z.string().optional(),
	key: z.string().min(1),
	before: z.unknown(),
	after: z.unknown(),
});
export type SettingsAuditEntry = z.output<typeof settingsAuditEntrySchema>;

/** Reads the capped list of a guild's settings changes that `SettingsStore.change` and `clear` write. */
export class SettingsAudit {
	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
	) {}

	/** The newest `limit` changes, newest first; entries that no longer validate are skipped. */
	public async recent(guildId: string | null, limit = 10): Promise<SettingsAuditEntry[]> {
		const raw = await this.redis.lrange(this.keys.settingsAudit(guildId), 0, Math.max(0, limit - 1));
		return raw.flatMap((line) => {
			try {
				const parsed = settingsAuditEntrySchema.safeParse(JSON.parse(line));
				return parsed.success ? [parsed.data] : [];
			} catch {
				// Not JSON: skipped like any entry that no longer validates.
				return [];
			}
		});
	}
}
