import { loadConfig } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { planLocalParts } from './planLocalParts.js';

const token = 'abcdefghijklmnopqrstuvwxyz.0123456789';

describe('planLocalParts', () => {
	it('runs every stand-in on a bare machine', () => {
		expect(planLocalParts(loadConfig({}), false)).toEqual({ redis: true, discordEmulator: true, ollamaSimulator: true, refusals: [], warnings: [] });
	});

	it('uses what is configured and reachable', () => {
		const plan = planLocalParts(loadConfig({ REDIS_URL: 'redis://r:6379', DISCORD_TOKEN: token }), true);
		expect(plan).toMatchObject({ redis: false, discordEmulator: false, ollamaSimulator: false, warnings: [] });
	});

	it('never simulates Ollama with a real Discord token, and says why', () => {
		const plan = planLocalParts(loadConfig({ DISCORD_TOKEN: token, OLLAMA_BASE_URL: 'http://gpu:11434' }), false);
		expect(plan.ollamaSimulator).toBe(false);
		expect(plan.warnings[0]).toMatch(/Ollama does not answer at http:\/\/gpu:11434\. With a real DISCORD_TOKEN charbot never falls back/);
	});

	it('refuses stand-ins in production', () => {
		const plan = planLocalParts(loadConfig({ NODE_ENV: 'production' }), false);
		expect(plan.refusals).toHaveLength(2);
		expect(plan.refusals[0]).toMatch(/needs a DISCORD_TOKEN/);
	});
});
