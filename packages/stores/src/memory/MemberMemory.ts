import { type Keyspace, parseOptions, type RedisClient, wholeNumberOption } from '@charbot/core';
import { z } from 'zod';

/** One fact a member asked the characters to remember. */
export interface RememberedFact {
	readonly text: string;
	/** When it was last said, in epoch milliseconds. */
	readonly at: number;
}

const memberMemoryOptionsSchema = z.object({
	/** Facts kept per member and guild; adding one more forgets the oldest. */
	maxFacts: wholeNumberOption(1).default(20),
	/** Longest fact kept, in characters. */
	maxFactChars: wholeNumberOption(1).default(200),
	/** Seconds a member's facts live after the last one was added. */
	ttlSeconds: wholeNumberOption(1).default(180 * 86_400),
});

/** Options of {@link MemberMemory}. */
export type MemberMemoryOptions = z.input<typeof memberMemoryOptionsSchema>;

/** What {@link MemberMemory.add} did. */
export type RememberOutcome = 'added' | 'refreshed' | 'empty';

const storedFactSchema = z.object({ at: z.number().int().nonnegative(), text: z.string().min(1) });

// One round trip, atomic: store (or refresh) the fact, forget the oldest beyond the cap, renew the expiry. The
// value is `{"at":<ms>,"text":...}` (JSON.stringify keeps that order), so the script reads `at` without a JSON parser.
const addScript = `
local created = redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('HLEN', KEYS[1]) > tonumber(ARGV[3]) then
	local all = redis.call('HGETALL', KEYS[1])
	local oldest, oldestAt = nil, nil
	for index = 1, #all, 2 do
		local at = tonumber(string.match(all[index + 1], '^{"at":(%d+)')) or 0
		if all[index] ~= ARGV[1] and (oldestAt == nil or at < oldestAt) then oldest, oldestAt = all[index], at end
	end
	if oldest then redis.call('HDEL', KEYS[1], oldest) end
end
redis.call('EXPIRE', KEYS[1], ARGV[4])
return created
`;

/**
 * Facts members asked the characters to remember, per guild and member: a bounded Redis hash keyed by the
 * fact's normalized text, so saying the same thing twice refreshes it instead of storing it again.
 */
export class MemberMemory {
	readonly #options: z.output<typeof memberMemoryOptionsSchema>;

	public constructor(
		private readonly redis: RedisClient,
		private readonly keys: Keyspace,
		options: MemberMemoryOptions = {},
	) {
		this.#options = parseOptions(memberMemoryOptionsSchema, options);
	}

	/** Remembers a fact (whitespace collapsed, cut to `maxFactChars`); the oldest goes when there are too many. */
	public async add(guildId: string | null, userId: string, fact: string, at: number = Date.now()): Promise<RememberOutcome> {
		const text = Array.from(fact.replace(/\s+/gu, ' ').trim()).slice(0, this.#options.maxFactChars).join('').trim();
		if (text === '') return 'empty';
		const field = text.toLowerCase().replace(/[.!,;:\s]+$/u, '');
		const key = this.keys.memberMemory(guildId, userId);
		const created = await this.redis.eval(
			addScript,
			1,
			key,
			field,
			JSON.stringify({ at: Math.floor(at), text }),
			this.#options.maxFacts,
			this.#options.ttlSeconds,
		);
		return created === 1 ? 'added' : 'refreshed';
	}

	/** A member's facts, oldest first; stored entries that no longer validate are skipped. */
	public async list(guildId: string | null, userId: string): Promise<RememberedFact[]> {
		const stored = await this.redis.hvals(this.keys.memberMemory(guildId, userId));
		return stored
			.flatMap((raw) => {
				const parsed = storedFactSchema.safeParse(safeJson(raw));
				return parsed.success ? [parsed.data] : [];
			})
			.sort((a, b) => a.at - b.at);
	}

	/** Forgets every fact of a member in a guild; resolves to how many there were. */
	public async forget(guildId: string | null, userId: string): Promise<number> {
		const key = this.keys.memberMemory(guildId, userId);
		const results = await this.redis.multi().hlen(key).del(key).exec();
		const count = results?.[0]?.[1];
		return typeof count === 'number' ? count : 0;
	}
}

function safeJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		// A value that is not JSON is treated like any other invalid entry: skipped.
		return undefined;
	}
}
