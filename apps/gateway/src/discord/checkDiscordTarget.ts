import { type Config, ConfigError, type ConfigProblem } from '@charbot/core';

/** Where the gateway connects: real Discord, or an emulator it was explicitly allowed to use. */
export interface DiscordTarget {
	readonly token: string;
	readonly redisUrl: string;
	/** The REST base discord.js uses instead of discord.com; set only for the emulator. */
	readonly apiUrl?: string;
	readonly emulated: boolean;
}

/**
 * Checks the settings the gateway cannot start without, all at once. A custom `DISCORD_API_URL` means the
 * emulator: it is refused unless `ALLOW_SIMULATED_PARTS` is true and never in production, so a deployment
 * cannot talk to a fake Discord by accident.
 */
export function checkDiscordTarget(config: Config): DiscordTarget {
	const problems: ConfigProblem[] = [];
	if (config.DISCORD_TOKEN === undefined) {
		problems.push({ variable: 'DISCORD_TOKEN', problem: 'is required by the gateway (npm start sets it for the local emulator)', example: '<your bot token>' });
	}
	if (config.REDIS_URL === undefined) {
		problems.push({ variable: 'REDIS_URL', problem: 'is required by the gateway, which enqueues route jobs', example: 'redis://localhost:6379' });
	}
	if (config.DISCORD_API_URL !== undefined && !config.ALLOW_SIMULATED_PARTS) {
		problems.push({
			variable: 'ALLOW_SIMULATED_PARTS',
			problem: `must be true to use the Discord emulator at DISCORD_API_URL=${config.DISCORD_API_URL}; for real Discord leave DISCORD_API_URL unset`,
			example: 'true',
		});
	}
	if (config.DISCORD_API_URL !== undefined && config.NODE_ENV === 'production') {
		problems.push({
			variable: 'DISCORD_API_URL',
			problem: 'must be unset when NODE_ENV=production (production never talks to an emulated Discord)',
			example: '',
		});
	}
	if (problems.length > 0 || config.DISCORD_TOKEN === undefined || config.REDIS_URL === undefined) throw new ConfigError(problems);
	const base = { token: config.DISCORD_TOKEN, redisUrl: config.REDIS_URL };
	return config.DISCORD_API_URL === undefined ? { ...base, emulated: false } : { ...base, apiUrl: config.DISCORD_API_URL, emulated: true };
}
