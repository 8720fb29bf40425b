import { Counter, type Registry } from 'prom-client';

/** What the counter needs of a Discord REST client (`@discordjs/rest`'s `REST` has it). */
export interface RateLimitSource {
	on(event: 'rateLimited', listener: (info: { readonly scope: string; readonly global: boolean }) => void): unknown;
}

/** Registers `charbot_discord_rest_rate_limits_total` and returns a function that counts a REST client's 429s. */
export function createRateLimitMetrics(registry: Registry): (rest: RateLimitSource) => void {
	const rateLimits = new Counter({
		name: 'charbot_discord_rest_rate_limits_total',
		help: 'Discord REST 429s (rate limits hit), by scope and whether global.',
		labelNames: ['scope', 'global'] as const,
		registers: [registry],
	});
	return (rest) => {
		rest.on('rateLimited', (info) => rateLimits.inc({ scope: info.scope, global: String(info.global) }));
	};
}
