import type { CharacterRegistry } from '@charbot/characters';
import type { ReadinessCheck, RedisClient } from '@charbot/core';
import type { LlmPool } from '@charbot/llm';

/** The router's readiness: Redis answering, a host ready for the chat model (or why none is), characters loaded. */
export function routerChecks(parts: {
	readonly redis: RedisClient;
	readonly pool: LlmPool;
	readonly characters: CharacterRegistry;
}): Record<string, ReadinessCheck> {
	const { redis, pool, characters } = parts;
	return {
		redis: async () => ({ ok: (await redis.ping()) === 'PONG' }),
		ollama: async () => {
			const health = await pool.health();
			const chat = health.roles.chat;
			return health.ready
				? { ok: true, detail: `${chat?.readyHosts.length} host(s) ready for ${chat?.model}` }
				: {
						ok: false,
						detail: `no host ready for ${chat?.model}: ${health.hosts.map((host) => `${host.url} ${host.error ?? (host.alive ? 'model missing' : 'down')}`).join('; ')}`,
					};
		},
		characters: () => ({ ok: characters.list().length > 0, detail: `${characters.list().length} loaded` }),
	};
}
