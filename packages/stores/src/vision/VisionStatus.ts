import type { Keyspace, RedisClient } from '@charbot/core';
import { z } from 'zod';

const statusSchema = z.object({ model: z.string().min(1).nullable(), at: z.number() });

/** Which vision model the message routers use, as the last one to start said: `null` when none is configured. */
export type VisionModelStatus = z.output<typeof statusSchema>;

/**
 * What the message routers can do with members' pictures, published by each router as it starts, so `/config show` tells
 * admins what the running deployment does rather than what the gateway's own settings would say.
 */
export class VisionStatus {
	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
	) {}

	/** Says which vision model this router uses (undefined: none). */
	public async publish(model: string | undefined, now = Date.now()): Promise<void> {
		await this.redis.set(this.keys.global('vision-model'), JSON.stringify({ model: model ?? null, at: now }));
	}

	/** The last status published; undefined until a router has started (or when it is unreadable). */
	public async read(): Promise<VisionModelStatus | undefined> {
		const raw = await this.redis.get(this.keys.global('vision-model'));
		if (raw === null) return undefined;
		try {
			const parsed = statusSchema.safeParse(JSON.parse(raw));
			return parsed.success ? parsed.data : undefined;
		} catch {
			return undefined;
		}
	}
}
