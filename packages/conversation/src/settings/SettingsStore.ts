import { formatZodIssues, type Keyspace } from '@charbot/core';
import type { Redis } from 'ioredis';
import {
	type ChannelSettings,
	channelSettingsSchema,
	DefaultChannelSettings,
	type SettingsOverrides,
	settingsOverridesSchema,
} from './channelSettingsSchema.js';

/** Reads and writes guild and channel settings in Redis, validated on write and on read. */
export class SettingsStore {
	public constructor(
		private readonly redis: Redis,
		private readonly keys: Keyspace,
	) {}

	/** The effective settings of a channel: defaults ← guild ← channel. */
	public async effective(guildId: string | null, channelId: string): Promise<ChannelSettings> {
		const [guildRaw, channelRaw] = await this.redis.mget(this.keys.settings(guildId), this.keys.settings(guildId, channelId));
		const merged = { ...DefaultChannelSettings, ...this.parseStored(guildRaw ?? null, guildId), ...this.parseStored(channelRaw ?? null, guildId, channelId) };
		return channelSettingsSchema.parse(merged);
	}

	/** The overrides stored at one level. */
	public async overrides(guildId: string | null, channelId?: string): Promise<SettingsOverrides> {
		return this.parseStored(await this.redis.get(this.keys.settings(guildId, channelId)), guildId, channelId);
	}

	/** Merges `changes` into one level's overrides; invalid values throw naming the field and change nothing. */
	public async update(guildId: string | null, changes: SettingsOverrides, channelId?: string): Promise<SettingsOverrides> {
		const checked = settingsOverridesSchema.safeParse(changes);
		if (!checked.success) throw new TypeError(`Invalid settings: ${formatZodIssues(checked.error)}`);
		const next = { ...(await this.overrides(guildId, channelId)), ...checked.data };
		await this.redis.set(this.keys.settings(guildId, channelId), JSON.stringify(next));
		return next;
	}

	/** Drops one level's overrides. */
	public async reset(guildId: string | null, channelId?: string): Promise<void> {
		await this.redis.del(this.keys.settings(guildId, channelId));
	}

	private parseStored(raw: string | null, guildId: string | null, channelId?: string): SettingsOverrides {
		if (raw === null) return {};
		const parsed = settingsOverridesSchema.safeParse(JSON.parse(raw));
		// A stored value that no longer validates must not take the channel down: fail loudly, keep defaults working.
		if (!parsed.success)
			throw new TypeError(`Stored settings of ${guildId ?? 'dm'}${channelId ? `/${channelId}` : ''} are invalid: ${formatZodIssues(parsed.error)}`);
		return parsed.data;
	}
}
