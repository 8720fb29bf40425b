import { createLogger, loadConfig } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { DefaultGatewayOptions, resolveGatewayOptions } from './resolveGatewayOptions.js';

const base = { config: loadConfig({}), logger: createLogger({ name: 'test', level: 'silent', format: 'json' }) };

describe('resolveGatewayOptions', () => {
	it('applies the defaults and keeps what was given', () => {
		const random = () => 0.25;
		expect(resolveGatewayOptions({ ...base, random, backlogThreshold: 0 })).toEqual({ ...DefaultGatewayOptions, random, backlogThreshold: 0 });
	});

	it('throws a sentence naming the bad option', () => {
		expect(() => resolveGatewayOptions({ ...base, maxCharactersPerMessage: 0 })).toThrow('maxCharactersPerMessage must be a whole number of at least 1, got 0');
		expect(() => resolveGatewayOptions({ ...base, backlogRefreshMs: 1.5 })).toThrow(/^backlogRefreshMs must be a whole number/);
		expect(() => resolveGatewayOptions({ ...base, backlogThreshold: Number.NaN })).toThrow(/backlogThreshold/);
	});
});
