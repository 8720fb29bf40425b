import { type Keyspace, parseOptions, type RedisClient, wholeNumberOption } from '@charbot/core';
import { z } from 'zod';
import { type MemberPersona, memberPersonaSchema } from './memberPersonaSchema.js';

const memberPersonasOptionsSchema = z.object({
	/** Seconds a persona lives after it was last set, so members who left do not keep data forever. */
	ttlSeconds: wholeNumberOption(1).default(365 * 86_400),
});

/** Options of {@link MemberPersonas}. */
export type MemberPersonasOptions = z.input<typeof memberPersonasOptionsSchema>;

/**
 * The name and description each member gave themselves with `/persona set`, per guild (direct messages are their own
 * scope): one JSON string per member under `Keyspace.memberPersona`. Validate input with `memberPersonaInputSchema`
 * first; stored values that no longer validate read as none.
 */
export class MemberPersonas {
	readonly #options: z.output<typeof memberPersonasOptionsSchema>;

	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		options: MemberPersonasOptions = {},
	) {
		this.#options = parseOptions(memberPersonasOptionsSchema, options);
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
