import { formatZodIssues, type Keyspace, type RedisClient } from '@charbot/core';
import type { ChainableCommander } from 'ioredis';
import {
	type ChannelSettingName,
	type ChannelSettings,
	channelSettingsSchema,
	DefaultChannelSettings,
	type SettingsOverrides,
	settingsOverridesSchema,
} from './channelSettingsSchema.js';
import { diffOverrides } from './diffOverrides.js';
import { type SettingsActor, SettingsAuditLimit, type SettingsAuditEntry } from './SettingsAudit.js';
import type { SettingsCache } from './SettingsCache.js';
import { SettingsChangeMessage } from './SettingsChangeMessage.js';
import type { SettingsLayers } from './SettingsLayers.js';

/** Options of {@link SettingsStore}. */
export interface SettingsStoreOptions {
	/** Serves `layers` and `effective` from this process's memory, kept current by every writer's announcement. */
	readonly cache?: SettingsCache;
}

/** Who makes an audited change, and at which level (the guild's when `channelId` is unset). */
export interface AuditedChangeOptions {
	readonly actor: SettingsActor;
	readonly channelId?: string | undefined;
	readonly at?: number;
}

/** What an audited change did: the level's overrides before and after, and the audit entries written. */
export interface SettingsChangeResult {
	readonly before: SettingsOverrides;
	readonly after: SettingsOverrides;
	readonly entries: readonly SettingsAuditEntry[];
}

// Compare-and-set: writes the level and its audit entries only when the level still holds what was read, and announces
// the write in the same step (ARGV[4] the channel, ARGV[5] the message). Entries are pushed last first, so the
// newest-first list shows one change's keys in their order.
const compareAndSetScript = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2]) end
for index = #ARGV, 6, -1 do redis.call('LPUSH', KEYS[2], ARGV[index]) end
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
`;
const maxWriteAttempts = 5;

/**
 * Reads and writes guild and channel settings in Redis, validated on write and on read. Every write announces itself on
 * `Keyspace.settingsChanges` in the same atomic step, for the {@link SettingsCache} of every process.
 */
export class SettingsStore {
	readonly #cache: SettingsCache | undefined;

	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		options: SettingsStoreOptions = {},
	) {
		this.#cache = options.cache;
	}

	/** The effective settings of a channel: defaults ← guild ← channel. */
	public async effective(guildId: string | null, channelId: string): Promise<ChannelSettings> {
		return (await this.layers(guildId, channelId)).effective;
	}

	/** The guild's and the channel's overrides and the effective settings: from the cache, or read in one round trip. */
	public layers(guildId: string | null, channelId: string): Promise<SettingsLayers> {
		if (this.#cache === undefined) return this.readLayers(guildId, channelId);
		return this.#cache.layers(guildId, channelId, () => this.readLayers(guildId, channelId));
	}

	private async readLayers(guildId: string | null, channelId: string): Promise<SettingsLayers> {
		const [guildRaw, channelRaw] = await this.redis.mget(this.keys.settings(guildId), this.keys.settings(guildId, channelId));
		const server = this.parseStored(guildRaw ?? null, guildId);
		const channel = this.parseStored(channelRaw ?? null, guildId, channelId);
		return { server, channel, effective: channelSettingsSchema.parse({ ...DefaultChannelSettings, ...server, ...channel }) };
	}

	/** The overrides stored at one level. */
	public async overrides(guildId: string | null, channelId?: string): Promise<SettingsOverrides> {
		return this.parseStored(await this.redis.get(this.keys.settings(guildId, channelId)), guildId, channelId);
	}

	/** Merges `changes` into one level's overrides; invalid values throw naming the field and change nothing. */
	public async update(guildId: string | null, changes: SettingsOverrides, channelId?: string): Promise<SettingsOverrides> {
		const checked = this.check(changes);
		const next = { ...(await this.overrides(guildId, channelId)), ...checked };
		await this.announced(guildId, channelId, this.redis.multi().set(this.keys.settings(guildId, channelId), JSON.stringify(next)));
		return next;
	}

	/** Drops one level's overrides. */
	public async reset(guildId: string | null, channelId?: string): Promise<void> {
		await this.announced(guildId, channelId, this.redis.multi().del(this.keys.settings(guildId, channelId)));
	}

	/**
	 * Like {@link update}, atomically (a concurrent change is never lost) and recorded in the guild's audit list
	 * (`SettingsAudit`): one entry per key whose value changed. Invalid values throw naming the field and change nothing.
	 */
	public async change(guildId: string | null, changes: SettingsOverrides, options: AuditedChangeOptions): Promise<SettingsChangeResult> {
		const checked = this.check(changes);
		return this.rewrite(guildId, options, (current) => ({ ...current, ...checked }));
	}

	/** Removes `keys` (every key when unset) from one level's overrides, audited like {@link change}. */
	public async clear(guildId: string | null, options: AuditedChangeOptions & { readonly keys?: readonly ChannelSettingName[] }): Promise<SettingsChangeResult> {
		const { keys } = options;
		// Clearing a whole level must work even when what is stored there no longer validates: that is how it gets fixed.
		const tolerateInvalid = keys === undefined;
		return this.rewrite(
			guildId,
			options,
			(current) => (keys === undefined ? {} : Object.fromEntries(Object.entries(current).filter(([key]) => !keys.includes(key as ChannelSettingName)))),
			tolerateInvalid,
		);
	}

	private async rewrite(
		guildId: string | null,
		options: AuditedChangeOptions,
		compute: (current: SettingsOverrides) => SettingsOverrides,
		tolerateInvalid = false,
	): Promise<SettingsChangeResult> {
		const key = this.keys.settings(guildId, options.channelId);
		for (let attempt = 0; attempt < maxWriteAttempts; attempt += 1) {
			const raw = await this.redis.get(key);
			const stored = this.parseStoredSafely(raw, guildId, options.channelId, tolerateInvalid);
			const before = stored ?? {};
			const after = this.check(compute(before));
			const nextRaw = Object.keys(after).length === 0 ? '' : JSON.stringify(after);
			if (nextRaw === (raw ?? '')) return { before, after, entries: [] };
			const changes = stored === undefined ? [{ key: '*', before: '(invalid stored settings)', after: null }] : diffOverrides(before, after);
			const entries = changes.map((change): SettingsAuditEntry => ({
				at: options.at ?? Date.now(),
				actorId: options.actor.id,
				actorName: options.actor.name,
				scope: options.channelId === undefined ? 'server' : 'channel',
				...(options.channelId === undefined ? {} : { channelId: options.channelId }),
				...change,
			}));
			const auditKey = this.keys.settingsAudit(guildId);
			const written = await this.redis.eval(
				compareAndSetScript,
				2,
				key,
				auditKey,
				raw ?? '',
				nextRaw,
				SettingsAuditLimit,
				this.keys.settingsChanges(),
				SettingsChangeMessage.format(guildId, options.channelId),
				...entries.map((entry) => JSON.stringify(entry)),
			);
			if (written === 1) {
				this.#cache?.forget(guildId, options.channelId);
				return { before, after, entries };
			}
		}
		throw new Error(`Settings of ${guildId ?? 'dm'}${options.channelId ? `/${options.channelId}` : ''} kept changing while being written; try again`);
	}

	/** Runs a write with its announcement in one transaction, then drops what this process cached of it. */
	private async announced(guildId: string | null, channelId: string | undefined, write: ChainableCommander): Promise<void> {
		const results = await write.publish(this.keys.settingsChanges(), SettingsChangeMessage.format(guildId, channelId)).exec();
		const failed = results?.find(([error]) => error !== null)?.[0];
		if (results === null || failed) throw failed ?? new Error(`The settings write of ${guildId ?? 'dm'}${channelId ? `/${channelId}` : ''} was aborted`);
		this.#cache?.forget(guildId, channelId);
	}

	private check(changes: SettingsOverrides): SettingsOverrides {
		const checked = settingsOverridesSchema.safeParse(changes);
		if (!checked.success) throw new TypeError(`Invalid settings: ${formatZodIssues(checked.error)}`);
		return checked.data;
	}

	/** The stored overrides; undefined when they are invalid and `tolerateInvalid` is set. */
	private parseStoredSafely(
		raw: string | null,
		guildId: string | null,
		channelId: string | undefined,
		tolerateInvalid: boolean,
	): SettingsOverrides | undefined {
		try {
			return this.parseStored(raw, guildId, channelId);
		} catch (error) {
			if (tolerateInvalid) return undefined;
			throw error;
		}
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
