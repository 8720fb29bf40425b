import { ConfigError, loadConfig } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { checkDiscordTarget } from './checkDiscordTarget.js';

// Built from parts so no token-shaped literal sits in the repository for secret scanners to flag.
const token = ['MTIzNDU2Nzg5MDEyMzQ1Njc4', 'GaBcDe', 'abcdefghijklmnopqrstuvwxyz0123'].join('.');
const redis = 'redis://127.0.0.1:6390';

const attempt = (env: Record<string, string>) => {
	try {
		return checkDiscordTarget(loadConfig(env));
	} catch (error) {
		return error;
	}
};

describe('checkDiscordTarget', () => {
	it('accepts real Discord: a token and no API URL', () => {
		expect(checkDiscordTarget(loadConfig({ DISCORD_TOKEN: token, REDIS_URL: redis }))).toEqual({ token, redisUrl: redis, emulated: false });
	});

	it('accepts the emulator only when simulated parts are allowed', () => {
		const target = checkDiscordTarget(
			loadConfig({ DISCORD_TOKEN: token, REDIS_URL: redis, DISCORD_API_URL: 'http://127.0.0.1:4100/api', ALLOW_SIMULATED_PARTS: 'true' }),
		);
		expect(target).toMatchObject({ emulated: true, apiUrl: 'http://127.0.0.1:4100/api' });
		const refused = attempt({ DISCORD_TOKEN: token, REDIS_URL: redis, DISCORD_API_URL: 'http://127.0.0.1:4100/api' });
		expect(refused).toBeInstanceOf(ConfigError);
		expect(String(refused)).toMatch(/ALLOW_SIMULATED_PARTS: must be true to use the Discord emulator/);
	});

	it('refuses the emulator in production even when allowed', () => {
		const refused = attempt({ NODE_ENV: 'production', DISCORD_TOKEN: token, REDIS_URL: redis, DISCORD_API_URL: 'http://e/api', ALLOW_SIMULATED_PARTS: 'true' });
		expect(String(refused)).toMatch(/DISCORD_API_URL: must be unset when NODE_ENV=production/);
	});

	it('names every missing setting at once and never echoes the token', () => {
		const refused = attempt({ DISCORD_API_URL: 'http://e/api' });
		expect((refused as ConfigError).problems.map((problem) => problem.variable)).toEqual(['DISCORD_TOKEN', 'REDIS_URL', 'ALLOW_SIMULATED_PARTS']);
		expect(String(attempt({ DISCORD_TOKEN: token, DISCORD_API_URL: 'http://e/api' }))).not.toContain(token);
	});
});
