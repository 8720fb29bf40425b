import { type Clock, type Keyspace, type Logger, type RedisClient, systemClock } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { z } from 'zod';
import { parseDiscordResponse, type StoredWebhook, storedWebhookSchema, webhookObjectSchema } from './discordSchemas.js';
import { toDeliveryError } from './toDeliveryError.js';
import { WebhookTokenSeal } from './WebhookTokenSeal.js';

/** Options of {@link ChannelWebhooks}. */
export interface ChannelWebhooksOptions {
	readonly rest: REST;
	/** A `producer`-role connection: fails fast, so a job retries instead of hanging. */
	readonly redis: RedisClient;
	readonly keys: Keyspace;
	readonly logger: Logger;
	/** Seals tokens before they go to Redis (`WEBHOOK_TOKEN_KEY`); by default one with a key of its own, for tests. */
	readonly seal?: WebhookTokenSeal;
	/** Name of webhooks we create (each message overrides it with the character's). */
	readonly webhookName?: string;
	/** How long a channel's cached webhook lives without being used; each use starts it again. */
	readonly ttlSeconds?: number;
	/**
	 * How long this process uses a channel's webhook from memory before reading Redis again (which also starts its TTL
	 * again). Redis stays the source of truth: a webhook Discord calls unknown is dropped from memory at once.
	 */
	readonly memoryMs?: number;
	/** Channels whose webhook this process keeps in memory; the least recently read go first. */
	readonly memoryMaxChannels?: number;
	/** The time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/** Defaults of {@link ChannelWebhooksOptions}. */
export const DefaultChannelWebhooksOptions = {
	webhookName: 'charbot',
	ttlSeconds: 7 * 24 * 3600,
	memoryMs: 60_000,
	memoryMaxChannels: 10_000,
} as const satisfies Required<Pick<ChannelWebhooksOptions, 'webhookName' | 'ttlSeconds' | 'memoryMs' | 'memoryMaxChannels'>>;

/** The Redis keys of one channel's webhook. */
interface WebhookKeys {
	/** The webhook id alone: the gateway reads it to recognise our posts. */
	readonly id: string;
	/** The sealed token, which only delivery reads. */
	readonly token: string;
	/** The guild's set of channels with a cached webhook, for forgetting them all when the bot leaves. */
	readonly index: string;
	readonly channelId: string;
}

/**
 * The webhook each guild channel's replies go through: cached in Redis as its id under `Keyspace.channelWebhook` (the
 * gateway reads it to recognise our messages) and its token, sealed with AES-256-GCM, under `Keyspace.channelWebhookToken`,
 * which no other app may read; else one of the channel's webhooks that our application owns, else a new one. Both keys
 * expire unless used, and the gateway deletes them when the channel or the guild goes. Each process also keeps the
 * webhooks it read in memory for `memoryMs`, so a reply usually costs no Redis command for its webhook.
 */
export class ChannelWebhooks {
	#applicationId: Promise<string> | undefined;
	#warnedUnopened = false;
	readonly #seal: WebhookTokenSeal;
	readonly #ttlSeconds: number;
	readonly #memoryMs: number;
	readonly #memoryMaxChannels: number;
	readonly #clock: Clock;
	/** By token key, least recently read first: the webhook and when Redis last confirmed it. */
	readonly #remembered = new Map<string, { readonly webhook: StoredWebhook; readonly readAt: number }>();

	public constructor(private readonly options: ChannelWebhooksOptions) {
		this.#seal = options.seal ?? WebhookTokenSeal.withRandomKey();
		this.#ttlSeconds = options.ttlSeconds ?? DefaultChannelWebhooksOptions.ttlSeconds;
		this.#memoryMs = options.memoryMs ?? DefaultChannelWebhooksOptions.memoryMs;
		this.#memoryMaxChannels = options.memoryMaxChannels ?? DefaultChannelWebhooksOptions.memoryMaxChannels;
		this.#clock = options.clock ?? systemClock;
		for (const [name, value, minimum] of [
			['ttlSeconds', this.#ttlSeconds, 1],
			['memoryMs', this.#memoryMs, 0],
			['memoryMaxChannels', this.#memoryMaxChannels, 1],
		] as const) {
			if (!Number.isInteger(value) || value < minimum) throw new RangeError(`${name} must be a whole number of at least ${minimum}, got ${value}`);
		}
	}

	/**
	 * The channel's webhook: from memory when Redis confirmed it less than `memoryMs` ago, else read from Redis (found or
	 * created and cached when absent), each read keeping the cache alive for another `ttlSeconds`.
	 */
	public async get(guildId: string, channelId: string): Promise<StoredWebhook> {
		const keys = this.keysOf(guildId, channelId);
		const remembered = this.#remembered.get(keys.token);
		if (remembered !== undefined && this.#clock.now() - remembered.readAt < this.#memoryMs) return remembered.webhook;
		const webhook = await this.read(keys);
		this.remember(keys, webhook);
		return webhook;
	}

	/** The channel's webhook as Redis has it, found or created and cached when absent; starts the cache's TTL again. */
	private async read(keys: WebhookKeys): Promise<StoredWebhook> {
		const channelId = keys.channelId;
		const { redis } = this.options;
		const ttl = this.#ttlSeconds;
		const replies = await redis.pipeline().getex(keys.token, 'EX', ttl).getex(keys.id, 'EX', ttl).expire(keys.index, ttl).exec();
		const sealed = pipelineValue(replies, 0);
		const publishedId = pipelineValue(replies, 1);
		if (sealed !== null) {
			const opened = this.#seal.open(sealed, keys.token);
			if (opened.ok) {
				const webhook = { id: opened.webhookId, token: opened.token };
				if (publishedId !== webhook.id) await this.publish(keys, webhook.id);
				return webhook;
			}
			this.warnUnopened(keys, opened.reason);
			return this.store(keys, await this.discover(channelId), { overwrite: true });
		}
		// A value from before tokens were sealed holds `{ id, token }` in clear: seal it, and the id key keeps the id alone.
		const legacy = publishedId === null ? undefined : storedWebhookSchema.safeParse(safeJson(publishedId));
		if (legacy?.success === true) return this.store(keys, { webhook: legacy.data, created: false }, { overwrite: false });
		return this.store(keys, await this.discover(channelId), { overwrite: false });
	}

	/** Drops the cached webhook after Discord called it unknown, unless another worker already replaced it in Redis. */
	public async forget(guildId: string, channelId: string, webhook: StoredWebhook): Promise<void> {
		const keys = this.keysOf(guildId, channelId);
		// From memory in any case: the next use reads Redis, which may hold another worker's replacement.
		this.#remembered.delete(keys.token);
		const sealed = await this.options.redis.get(keys.token);
		const current = sealed === null ? undefined : WebhookTokenSeal.webhookIdOf(sealed);
		if (current !== undefined && current !== webhook.id) return;
		throwFirstError(await this.options.redis.pipeline().del(keys.token).del(keys.id).srem(keys.index, channelId).exec());
	}

	private remember(keys: WebhookKeys, webhook: StoredWebhook): void {
		this.#remembered.delete(keys.token);
		this.#remembered.set(keys.token, { webhook, readAt: this.#clock.now() });
		for (const oldest of this.#remembered.keys()) {
			if (this.#remembered.size <= this.#memoryMaxChannels) break;
			this.#remembered.delete(oldest);
		}
	}

	private keysOf(guildId: string, channelId: string): WebhookKeys {
		const { keys } = this.options;
		return {
			id: keys.channelWebhook(guildId, channelId),
			token: keys.channelWebhookToken(guildId, channelId),
			index: keys.guildWebhookChannels(guildId),
			channelId,
		};
	}

	/**
	 * Caches a webhook: the sealed token first, claimed with NX so concurrent workers agree on one webhook, then the id the
	 * gateway reads. A worker that lost the claim uses the winner's webhook and removes its own if it had just made it.
	 */
	private async store(keys: WebhookKeys, found: { webhook: StoredWebhook; created: boolean }, mode: { overwrite: boolean }): Promise<StoredWebhook> {
		const { redis } = this.options;
		const { webhook, created } = found;
		const sealed = this.#seal.seal(webhook.token, webhook.id, keys.token);
		const claimed = mode.overwrite
			? await redis.set(keys.token, sealed, 'EX', this.#ttlSeconds)
			: await redis.set(keys.token, sealed, 'EX', this.#ttlSeconds, 'NX');
		if (claimed === 'OK') {
			await this.publish(keys, webhook.id);
			return webhook;
		}
		const theirs = await redis.get(keys.token);
		const opened = theirs === null ? undefined : this.#seal.open(theirs, keys.token);
		if (opened?.ok !== true) {
			// Gone meanwhile, or sealed with another key: ours is as good, and can be read by this worker.
			await redis.set(keys.token, sealed, 'EX', this.#ttlSeconds);
			await this.publish(keys, webhook.id);
			return webhook;
		}
		if (opened.webhookId !== webhook.id && created) await this.remove(webhook);
		await this.publish(keys, opened.webhookId);
		return { id: opened.webhookId, token: opened.token };
	}

	/** Writes the id the gateway reads and indexes the channel under its guild. */
	private async publish(keys: WebhookKeys, webhookId: string): Promise<void> {
		const ttl = this.#ttlSeconds;
		throwFirstError(await this.options.redis.pipeline().set(keys.id, webhookId, 'EX', ttl).sadd(keys.index, keys.channelId).expire(keys.index, ttl).exec());
	}

	private warnUnopened(keys: WebhookKeys, reason: string): void {
		// Every replica of a run without WEBHOOK_TOKEN_KEY has its own key: say it once, not on every reply.
		const level = this.#warnedUnopened ? 'debug' : 'warn';
		this.#warnedUnopened = true;
		this.options.logger[level](
			{ channelId: keys.channelId, reason },
			'a cached channel webhook token does not open (WEBHOOK_TOKEN_KEY changed, differs between replicas, or the value was altered); fetching the webhook from Discord again',
		);
	}

	private async discover(channelId: string): Promise<{ webhook: StoredWebhook; created: boolean }> {
		const owned = await this.findOwned(channelId);
		if (owned !== undefined) return { webhook: owned, created: false };
		return { webhook: await this.create(channelId), created: true };
	}

	private async findOwned(channelId: string): Promise<StoredWebhook | undefined> {
		const route = 'GET /channels/:id/webhooks';
		const [listed, applicationId] = await Promise.all([
			this.options.rest.get(Routes.channelWebhooks(channelId)).catch((error: unknown) => {
				throw toDeliveryError(error, route);
			}),
			this.applicationId(),
		]);
		const webhooks = parseDiscordResponse(z.array(webhookObjectSchema), listed, route);
		const owned = webhooks.find((webhook) => webhook.application_id === applicationId && webhook.token !== undefined);
		return owned?.token === undefined ? undefined : { id: owned.id, token: owned.token };
	}

	private async create(channelId: string): Promise<StoredWebhook> {
		const route = 'POST /channels/:id/webhooks';
		const created = await this.options.rest
			.post(Routes.channelWebhooks(channelId), { body: { name: this.options.webhookName ?? DefaultChannelWebhooksOptions.webhookName } })
			.catch((error: unknown) => {
				throw toDeliveryError(error, route);
			});
		const webhook = parseDiscordResponse(webhookObjectSchema, created, route);
		if (webhook.token === undefined) throw new Error(`Discord created webhook ${webhook.id} in channel ${channelId} without a token`);
		this.options.logger.info({ channelId, webhookId: webhook.id }, 'created a channel webhook for character replies');
		return { id: webhook.id, token: webhook.token };
	}

	/** Our application's id (fetched once): only webhooks it owns are reused. */
	private applicationId(): Promise<string> {
		const route = 'GET /applications/@me';
		this.#applicationId ??= this.options.rest
			.get(Routes.currentApplication())
			.then((application) => parseDiscordResponse(z.object({ id: z.string().min(1) }), application, route).id)
			.catch((error: unknown) => {
				this.#applicationId = undefined;
				throw toDeliveryError(error, route);
			});
		return this.#applicationId;
	}

	private async remove(webhook: StoredWebhook): Promise<void> {
		try {
			await this.options.rest.delete(Routes.webhook(webhook.id, webhook.token), { auth: false });
		} catch (error) {
			this.options.logger.warn({ err: toDeliveryError(error, 'DELETE /webhooks/:id/:token'), webhookId: webhook.id }, 'could not remove a spare webhook');
		}
	}
}

/** One reply of a pipeline, throwing its error: a failed read must fail the job, not pass as a miss. */
function pipelineValue(replies: [Error | null, unknown][] | null, index: number): string | null {
	const reply = replies?.[index];
	if (reply === undefined) throw new Error('Redis answered a pipeline without all its replies');
	if (reply[0] !== null) throw reply[0];
	return typeof reply[1] === 'string' ? reply[1] : null;
}

function throwFirstError(replies: [Error | null, unknown][] | null): void {
	const failed = replies?.find(([error]) => error !== null)?.[0];
	if (failed) throw failed;
}

function safeJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}
