import { type Config, ConfigError, type ConfigProblem } from '@charbot/core';

/** Where `commands:deploy` registers: real Discord, or an emulator it was explicitly allowed to use. */
export interface DeployTarget {
	readonly token: string;
	/** The emulator's REST base; unset for real Discord. */
	readonly apiUrl?: string;
	readonly emulated: boolean;
}

/**
 * Checks the settings command registration needs, all at once: a bot token, and an emulator (`DISCORD_API_URL`)
 * only with `ALLOW_SIMULATED_PARTS=true` and never in production, like the gateway.
 */
export function checkDeployTarget(config: Config): DeployTarget {
	const problems: ConfigProblem[] = [];
	if (config.DISCORD_TOKEN === undefined)
		problems.push({ variable: 'DISCORD_TOKEN', problem: 'is required to register slash commands', example: '<your bot token>' });
	if (config.DISCORD_API_URL !== undefined && !config.ALLOW_SIMULATED_PARTS) {
		problems.push({
			variable: 'ALLOW_SIMULATED_PARTS',
			problem: `must be true to register commands with the Discord emulator at DISCORD_API_URL=${config.DISCORD_API_URL}`,
			example: 'true',
		});
	}
	if (config.DISCORD_API_URL !== undefined && config.NODE_ENV === 'production') {
		problems.push({ variable: 'DISCORD_API_URL', problem: 'must be unset when NODE_ENV=production', example: '' });
	}
	if (problems.length > 0 || config.DISCORD_TOKEN === undefined) throw new ConfigError(problems);
	return config.DISCORD_API_URL === undefined
		? { token: config.DISCORD_TOKEN, emulated: false }
		: { token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, emulated: true };
}
