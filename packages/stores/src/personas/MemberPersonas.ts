import type { Keyspace } from '@charbot/core';
import type { Redis } from 'ioredis';
import { type MemberPersona, memberPersonaSchema } from './memberPersonaSchema.js';

/** Options of {@link MemberPersonas}. */
export interface MemberPersonasOptions {
	/** Seconds a persona lives after it was last set, so members who left do not keep data forever. */
	readonly ttlSeconds?: number;
}

/** Defaults of {@link MemberPersonasOptions}. */
export const DefaultMemberPersonasOptions = {
	ttlSeconds: 365 * 86_400,
} as const satisfies Required<MemberPersonasOptions>;

/**
 * The name and description each member gave themselves with `/persona set`, per guild (direct messages are their own
 * scope): one JSON string per member under `Keyspace.memberPersona`. Validate input with `memberPersonaInputSchema`
 * first; stored values that no longer validate read as none.
 */
export class MemberPersonas {
	readonly #options: Required<MemberPersonasOptions>;

	public constructor(
		private readonly redis: Redis,
		private readonly keys: Keyspace,
		options: MemberPersonasOptions = {},
	) {
		this.#options = { ...DefaultMemberPersonasOptions, ...options };
		if (!Number.isInteger(this.#options.ttlSeconds) || this.#options.ttlSeconds < 1) {
			throw new RangeError(`MemberPersonas option ttlSeconds must be a whole number of at least 1, got ${this.#options.ttlSeconds}`);
		}
	}

	/** Sets (replaces) a member's persona. */
	public async set(guildId: string | null, userId: string, persona: Omit<MemberPersona, 'updatedAt'>, at: number = Date.now()): Promise<MemberPersona> {
		const stored = memberPersonaSchema.parse({ ...persona, updatedAt: Math.floor(at) });
		await this.redis.set(this.keys.memberPersona(guildId, userId), JSON.stringify(stored), 'EX', this.#options.ttlSeconds);
		return stored;
	}

	/** A member's persona here, or undefined. */
	public async get(guildId: string | null, userId: string): Promise<MemberPersona | undefined> {
		const raw = await this.redis.get(this.keys.memberPersona(guildId, userId));
		if (raw === null) return undefined;
		const parsed = memberPersonaSchema.safeParse(safeJson(raw));
		return parsed.success ? parsed.data : undefined;
	}

	/** Removes a member's persona; resolves to whether there was one. */
	public async clear(guildId: string | null, userId: string): Promise<boolean> {
		return (await this.redis.del(this.keys.memberPersona(guildId, userId))) === 1;
	}
}

function safeJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		// Not JSON: treated like any other invalid entry, as no persona.
		return undefined;
	}
}
