import { type Config, type Logger, simulatedPartsAllowed, StartupError } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { MentionSafeRest } from './MentionSafeRest.js';

/** The settings {@link createDiscordRest} reads. */
export type DiscordRestConfig = Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'ALLOW_SIMULATED_PARTS' | 'NODE_ENV' | 'DISCORD_GLOBAL_RATE_LIMIT'>;

/**
 * The Discord REST client with the bot token, whose messages ping nobody unless they say whom ({@link MentionSafeRest}).
 * `DISCORD_API_URL` (the emulator) is accepted only with `ALLOW_SIMULATED_PARTS` outside production, and announced
 * loudly; there is no silent fallback.
 */
export function createDiscordRest(config: DiscordRestConfig, logger: Logger): REST {
	if (config.DISCORD_TOKEN === undefined)
		throw new StartupError('DISCORD_TOKEN is required: delivery posts replies with the bot token (`npm start` sets the emulator token locally)');
	const api = config.DISCORD_API_URL;
	if (api !== undefined) {
		if (!simulatedPartsAllowed(config))
			throw new StartupError(
				`DISCORD_API_URL=${api} points at a Discord emulator; that needs ALLOW_SIMULATED_PARTS=true and NODE_ENV other than production. Unset DISCORD_API_URL to post to Discord.`,
			);
		logger.warn({ api }, `DISCORD IS EMULATED: replies go to the Discord emulator at ${api}, not to Discord`);
	}
	// Webhook posts count against this limit too (Discord applies it per IP to requests without the bot token).
	const rest = new MentionSafeRest({ globalRequestsPerSecond: config.DISCORD_GLOBAL_RATE_LIMIT, ...(api === undefined ? {} : { api }) }).setToken(
		config.DISCORD_TOKEN,
	);
	rest.on('rateLimited', (info) =>
		logger.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }, 'Discord rate limit hit; waiting'),
	);
	return rest;
}
