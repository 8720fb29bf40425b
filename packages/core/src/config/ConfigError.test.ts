import { describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError.js';

describe('ConfigError', () => {
	it('says one problem on one line, the line a process prints before it exits', () => {
		const error = new ConfigError([
			{ variable: 'LLM_SERVICE_ADMIN_TOKEN', problem: 'is required when NODE_ENV=production', example: '<a long random string>' },
		]);
		expect(error.message).toBe(
			'Invalid configuration: LLM_SERVICE_ADMIN_TOKEN: is required when NODE_ENV=production. Example: LLM_SERVICE_ADMIN_TOKEN=<a long random string>',
		);
	});

	it('lists several problems, one a line', () => {
		const error = new ConfigError([
			{ variable: 'REDIS_URL', problem: 'is required', example: 'redis://localhost:6379' },
			{ variable: 'DISCORD_TOKEN', problem: 'is required', example: '<your bot token>' },
		]);
		expect(error.message.split('\n')).toEqual([
			'Invalid configuration (2 problems):',
			'  - REDIS_URL: is required. Example: REDIS_URL=redis://localhost:6379',
			'  - DISCORD_TOKEN: is required. Example: DISCORD_TOKEN=<your bot token>',
		]);
	});
});
