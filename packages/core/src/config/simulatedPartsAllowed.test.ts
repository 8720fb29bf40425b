import { describe, expect, it } from 'vitest';
import { loadConfig } from './loadConfig.js';
import { simulatedPartsAllowed } from './simulatedPartsAllowed.js';

describe('simulatedPartsAllowed', () => {
	it('allows simulated parts only when ALLOW_SIMULATED_PARTS is true outside production', () => {
		const allowed = (env: Record<string, string>) => simulatedPartsAllowed(loadConfig({ HEALTH_PORT: '0', ...env }));
		expect(allowed({})).toBe(false);
		expect(allowed({ ALLOW_SIMULATED_PARTS: 'true' })).toBe(true);
		expect(allowed({ ALLOW_SIMULATED_PARTS: 'true', NODE_ENV: 'test' })).toBe(true);
		expect(allowed({ ALLOW_SIMULATED_PARTS: 'true', NODE_ENV: 'production' })).toBe(false);
	});
});
