import { ConfigError, loadConfig } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { queueDashboardCredentials } from './queueDashboardCredentials.js';

const user = 'dashboard-operator';
const password = 'correct-horse-battery';

describe('queueDashboardCredentials', () => {
	it('is undefined when neither variable is set', () => {
		expect(queueDashboardCredentials(loadConfig({ REDIS_URL: 'redis://localhost:6379' }))).toBeUndefined();
	});

	it('gives both credentials and the queue Redis when both are set', () => {
		const config = loadConfig({ REDIS_URL: 'redis://localhost:6379', QUEUE_DASHBOARD_USER: user, QUEUE_DASHBOARD_PASSWORD: password });
		expect(queueDashboardCredentials(config)).toEqual({ user, password, redisUrl: 'redis://localhost:6379' });
	});

	it.each([{ QUEUE_DASHBOARD_USER: user }, { QUEUE_DASHBOARD_PASSWORD: password }])('refuses one set without the other, naming both: %o', (env) => {
		const attempt = () => queueDashboardCredentials(loadConfig({ REDIS_URL: 'redis://localhost:6379', ...env }));
		expect(attempt).toThrow(ConfigError);
		expect(attempt).toThrow(/QUEUE_DASHBOARD_USER.*QUEUE_DASHBOARD_PASSWORD|QUEUE_DASHBOARD_PASSWORD.*QUEUE_DASHBOARD_USER/s);
		expect(attempt).not.toThrow(new RegExp(Object.values(env)[0] as string));
	});

	it('refuses credentials without REDIS_URL', () => {
		const attempt = () => queueDashboardCredentials(loadConfig({ QUEUE_DASHBOARD_USER: user, QUEUE_DASHBOARD_PASSWORD: password }));
		expect(attempt).toThrow(/REDIS_URL/);
	});
});
