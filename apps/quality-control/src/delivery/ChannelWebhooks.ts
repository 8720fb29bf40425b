import type { Keyspace, Logger } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { parseDiscordResponse, type StoredWebhook, storedWebhookSchema, webhookObjectSchema } from './discordSchemas.js';
import { toDeliveryError } from './toDeliveryError.js';

/** Options of {@link ChannelWebhooks}. */
export interface ChannelWebhooksOptions {
	readonly rest: REST;
	/** A `producer`-role connection: fails fast, so a job retries instead of hanging. */
	readonly redis: Redis;
	readonly keys: Keyspace;
	readonly logger: Logger;
	/** Name of webhooks we create (each message overrides it with the character's). */
	readonly webhookName?: string;
}

/**
 * The webhook each guild channel's replies go through: cached in Redis under `Keyspace.channelWebhook` as JSON
 * `{ id, token }` (the gateway reads it to recognise our messages), else one of the channel's webhooks that our
 * application owns, else a new one.
 */
export class ChannelWebhooks {
	#applicationId: Promise<string> | undefined;

	public constructor(private readonly options: ChannelWebhooksOptions) {}

	/** The channel's webhook, found or created and cached. */
	public async get(guildId: string, channelId: string): Promise<StoredWebhook> {
		const key = this.options.keys.channelWebhook(guildId, channelId);
		const cached = await this.read(key);
		if (cached !== undefined) return cached;
		const owned = await this.findOwned(channelId);
		const webhook = owned ?? (await this.create(channelId));
		if ((await this.options.redis.set(key, JSON.stringify(webhook), 'NX')) === 'OK') return webhook;
		// Another worker cached one meanwhile: use it, and remove ours if we just made it, so webhooks don't pile up.
		const theirs = await this.read(key);
		if (theirs === undefined || theirs.id === webhook.id) {
			await this.options.redis.set(key, JSON.stringify(webhook));
			return webhook;
		}
		if (owned === undefined) await this.remove(webhook);
		return theirs;
	}

	/** Drops the cached webhook after Discord called it unknown, unless another worker already replaced it. */
	public async forget(guildId: string, channelId: string, webhook: StoredWebhook): Promise<void> {
		const key = this.options.keys.channelWebhook(guildId, channelId);
		const current = await this.read(key);
		if (current === undefined || current.id === webhook.id) await this.options.redis.del(key);
	}

	private async read(key: string): Promise<StoredWebhook | undefined> {
		const raw = await this.options.redis.get(key);
		if (raw === null) return undefined;
		const parsed = storedWebhookSchema.safeParse(safeJson(raw));
		if (parsed.success) return parsed.data;
		this.options.logger.warn({ key }, 'cached channel webhook is malformed; finding another');
		await this.options.redis.del(key);
		return undefined;
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
			.post(Routes.channelWebhooks(channelId), { body: { name: this.options.webhookName ?? 'charbot' } })
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

function safeJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}
