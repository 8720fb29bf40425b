import { type Clock, createRepeatedErrorLog, type Keyspace, type Logger, parseOptions, type RedisClient, systemClock, wholeNumberOption } from '@charbot/core';
import { Cluster } from 'ioredis';
import { z } from 'zod';
import { SettingsChangeMessage } from './SettingsChangeMessage.js';
import type { SettingsLayers } from './SettingsLayers.js';

const settingsCacheOptionsSchema = z.object({
	/** Channels kept at most; one more forgets the least recently read. */
	maxEntries: wholeNumberOption(1).default(20_000),
	/** How long an entry is served at most, so a missed announcement heals by itself. */
	ttlMs: wholeNumberOption(1).default(60_000),
});

/** Options of {@link SettingsCache}. */
export type SettingsCacheOptions = z.input<typeof settingsCacheOptionsSchema> & {
	readonly logger: Logger;
	/** The time source of the expiry (tests pass a `ManualClock`). */
	readonly clock?: Clock;
};

/** What a {@link SettingsCache} holds and did so far. */
export interface SettingsCacheStats {
	readonly entries: number;
	readonly hits: number;
	readonly misses: number;
	/** Announcements received (`Keyspace.settingsChanges`). */
	readonly invalidations: number;
	/** Whether it listens for announcements now; it stores nothing while it does not. */
	readonly subscribed: boolean;
}

interface CachedLayers {
	readonly layers: SettingsLayers;
	readonly expiresAt: number;
}

/**
 * The settings layers of the channels this process read, kept in memory for `SettingsStore`, bounded and expiring. Every
 * settings write announces itself on `Keyspace.settingsChanges`, which this cache follows on a connection of its own
 * (a duplicate of the one it is given): an announcement drops the channel (or the whole guild), and a lost connection
 * drops everything, since announcements may have been missed meanwhile.
 */
export class SettingsCache {
	readonly #entries = new Map<string, CachedLayers>();
	readonly #options: z.output<typeof settingsCacheOptionsSchema>;
	readonly #subscriber: RedisClient;
	readonly #channel: string;
	readonly #logger: Logger;
	readonly #clock: Clock;
	// Moves on every announcement and every lost subscription: a read begun before it must not fill the cache.
	#epoch = 0;
	#subscribed = false;
	#lostSubscription = false;
	#closed = false;
	#hits = 0;
	#misses = 0;
	#invalidations = 0;

	/** Starts following the announcements in the background on a duplicate of `redis`; until subscribed, nothing is stored. */
	public constructor(redis: RedisClient, keys: Keyspace, options: SettingsCacheOptions) {
		this.#options = parseOptions(settingsCacheOptionsSchema, { maxEntries: options.maxEntries, ttlMs: options.ttlMs });
		this.#logger = options.logger;
		this.#clock = options.clock ?? systemClock;
		this.#channel = keys.settingsChanges();
		this.#subscriber = duplicateForSubscribing(redis);
		const logError = createRepeatedErrorLog({ logger: this.#logger, label: 'settings cache subscriber', level: 'warn' });
		this.#subscriber.on('error', (error: Error) => {
			this.#forgetAll();
			logError(error);
		});
		this.#subscriber.on('close', () => this.#forgetAll());
		this.#subscriber.on('ready', () => void this.#subscribe());
		this.#subscriber.on('message', (channel: string, message: string) => this.#onMessage(channel, message));
	}

	/** What it holds and did so far. */
	public get stats(): SettingsCacheStats {
		return { entries: this.#entries.size, hits: this.#hits, misses: this.#misses, invalidations: this.#invalidations, subscribed: this.#subscribed };
	}

	/** The cached layers of a channel, or what `read` returns, kept when no announcement came while it ran. */
	public async layers(guildId: string | null, channelId: string, read: () => Promise<SettingsLayers>): Promise<SettingsLayers> {
		const key = `${guildId ?? 'dm'}/${channelId}`;
		const cached = this.#entries.get(key);
		if (cached !== undefined) {
			this.#entries.delete(key);
			if (cached.expiresAt > this.#clock.now()) {
				// Put back last: the map's order is least recently read first.
				this.#entries.set(key, cached);
				this.#hits += 1;
				return cached.layers;
			}
		}
		this.#misses += 1;
		const epoch = this.#subscribed ? this.#epoch : undefined;
		const layers = await read();
		if (epoch === this.#epoch) this.#store(key, layers);
		return layers;
	}

	/** Drops what a write of this process changed at once, before its announcement comes back. */
	public forget(guildId: string | null, channelId?: string): void {
		this.#drop({ guild: guildId ?? 'dm', ...(channelId === undefined ? {} : { channelId }) });
	}

	/** Stops listening and empties the cache; reads still work, uncached. */
	public async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		this.#forgetAll();
		// QUIT only on a live connection: one waiting to reconnect would hold it until Redis is back.
		if (this.#subscriber.status === 'ready') await this.#subscriber.quit().catch(() => this.#subscriber.disconnect());
		else this.#subscriber.disconnect();
	}

	async #subscribe(): Promise<void> {
		try {
			await this.#subscriber.subscribe(this.#channel);
		} catch (error) {
			this.#logger.error({ err: error, channel: this.#channel }, `settings are read uncached: could not subscribe to ${this.#channel}`);
			return;
		}
		if (this.#closed || this.#subscriber.status !== 'ready') return;
		this.#subscribed = true;
		if (this.#lostSubscription) this.#logger.info({ channel: this.#channel }, 'settings cache listening again');
		this.#lostSubscription = false;
	}

	#onMessage(channel: string, message: string): void {
		if (channel !== this.#channel) return;
		this.#invalidations += 1;
		const change = SettingsChangeMessage.parse(message);
		if (change !== undefined) return this.#drop(change);
		this.#logger.warn({ channel, message: message.slice(0, 200) }, 'unreadable settings change announcement; dropping every cached channel');
		this.#epoch += 1;
		this.#entries.clear();
	}

	#drop(change: { readonly guild: string; readonly channelId?: string }): void {
		this.#epoch += 1;
		if (change.channelId !== undefined) {
			this.#entries.delete(`${change.guild}/${change.channelId}`);
			return;
		}
		// A guild's write changes every channel of it. It is rare (an admin's command), so a scan beats an index per guild.
		const prefix = `${change.guild}/`;
		for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
	}

	#forgetAll(): void {
		this.#epoch += 1;
		this.#entries.clear();
		if (!this.#subscribed) return;
		this.#subscribed = false;
		if (this.#closed) return;
		this.#lostSubscription = true;
		this.#logger.warn({ channel: this.#channel }, 'settings cache emptied: its subscription was lost; reads are uncached until it is back');
	}

	#store(key: string, layers: SettingsLayers): void {
		this.#entries.delete(key);
		this.#entries.set(key, { layers, expiresAt: this.#clock.now() + this.#options.ttlMs });
		if (this.#entries.size <= this.#options.maxEntries) return;
		const leastRecent = this.#entries.keys().next();
		if (leastRecent.done !== true) this.#entries.delete(leastRecent.value);
	}
}

// Resubscribed by hand on every `ready`, so the cache knows when it is listening again. A cluster's subscriber connection
// moves to another node by itself when its node goes, subscribing again there (ioredis' ClusterSubscriber).
function duplicateForSubscribing(redis: RedisClient): RedisClient {
	if (redis instanceof Cluster) {
		const name = redis.options.redisOptions?.connectionName;
		return redis.duplicate([], { redisOptions: { ...redis.options.redisOptions, ...(name ? { connectionName: `${name}-settings` } : {}) } });
	}
	const name = redis.options.connectionName;
	return redis.duplicate({ autoResubscribe: false, ...(name ? { connectionName: `${name}-settings` } : {}) });
}
