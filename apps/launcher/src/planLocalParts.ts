import type { Config } from '@charbot/core';

/** Which stand-ins `npm start` must run, decided from the settings and whether Ollama answered. */
export interface LocalPartsPlan {
	/** No `REDIS_URL`: run a private redis-server. */
	readonly redis: boolean;
	/** No `DISCORD_TOKEN`: run the Discord emulator and its playground. */
	readonly discordEmulator: boolean;
	/** No reachable Ollama and no real Discord: run the Ollama simulator. */
	readonly ollamaSimulator: boolean;
	/** Problems that stop the launch (production refuses stand-ins). */
	readonly refusals: readonly string[];
	/** Loud notes for the operator. */
	readonly warnings: readonly string[];
}

/**
 * Decides the stand-ins. With a real `DISCORD_TOKEN` the platform never falls back to a simulated
 * model: an unreachable Ollama is reported and readiness stays red instead.
 */
export function planLocalParts(config: Config, ollamaReachable: boolean): LocalPartsPlan {
	const redis = config.REDIS_URL === undefined;
	const discordEmulator = config.DISCORD_TOKEN === undefined;
	const ollamaSimulator = !ollamaReachable && discordEmulator;
	const refusals: string[] = [];
	const warnings: string[] = [];
	const ollamaTarget = config.OLLAMA_HOSTS ?? config.OLLAMA_BASE_URL;
	if (!ollamaReachable && !discordEmulator) {
		warnings.push(
			`Ollama does not answer at ${ollamaTarget}. With a real DISCORD_TOKEN charbot never falls back to simulated replies: start Ollama or fix OLLAMA_BASE_URL / OLLAMA_HOSTS; until then /readyz says not ready.`,
		);
	}
	if (config.NODE_ENV === 'production') {
		if (discordEmulator) refusals.push('NODE_ENV=production needs a DISCORD_TOKEN: the local Discord emulator is for trials and tests only.');
		if (ollamaSimulator) refusals.push(`NODE_ENV=production needs a reachable Ollama (${ollamaTarget}): the simulator is for trials and tests only.`);
	}
	return { redis, discordEmulator, ollamaSimulator, refusals, warnings };
}
