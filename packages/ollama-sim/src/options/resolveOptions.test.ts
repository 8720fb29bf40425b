import { describe, expect, it } from 'vitest';
import { sloppyKinds } from '../sloppy/sloppyKinds.js';
import { resolveOptions } from './resolveOptions.js';

describe('resolveOptions', () => {
	it('applies the documented defaults', () => {
		expect(resolveOptions()).toMatchObject({
			port: 0,
			host: '127.0.0.1',
			models: ['llama3.2:1b'],
			numParallel: 1,
			maxQueue: 512,
			tokensPerSecond: 65,
			promptTokensPerSecond: 2900,
			loadMs: 1500,
			keepAliveMs: 300_000,
			behavior: { fault: 'none', faultRate: 1, slowFactor: 1, forgottenModels: [], faultScope: 'inference', sloppy: 0, sloppyKinds: [...sloppyKinds] },
		});
		expect(resolveOptions({ sloppy: 0.3 }).behavior.sloppy).toBe(0.3);
		expect(resolveOptions({ behavior: { sloppy: 0.5, sloppyKinds: ['loop'] } }).behavior).toMatchObject({ sloppy: 0.5, sloppyKinds: ['loop'] });
		expect(resolveOptions({ keepAliveMs: Number.POSITIVE_INFINITY }).keepAliveMs).toBe(Number.POSITIVE_INFINITY);
	});

	it('names every bad option at once', () => {
		let message = '';
		try {
			resolveOptions({ numParallel: 0, tokensPerSecond: -1, models: [], sloppy: 3, behavior: { faultRate: 2, sloppyKinds: [] } });
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/^Invalid OllamaSimOptions:/);
		expect(message).toContain('- numParallel: must be at least 1; got 0');
		expect(message).toContain('- models: must list at least one model; got []');
		expect(message).toContain('- tokensPerSecond: must be greater than 0; got -1');
		expect(message).toContain('- behavior.faultRate: must be 0..1');
		expect(message).toContain('- sloppy: must be 0..1; got 3');
		expect(message).toContain('- behavior.sloppyKinds: must list at least one kind');
		expect(() => resolveOptions({ sloppy: 0.2, behavior: { sloppy: 0.4 } })).toThrow('sloppy: conflicts with behavior.sloppy');
	});

	it('checks api and apiKey without echoing the key', () => {
		expect(resolveOptions()).toMatchObject({ api: 'both', apiKey: undefined, behavior: { retryAfterSeconds: 1 } });
		expect(resolveOptions({ api: 'openai', apiKey: 'sk-x' })).toMatchObject({ api: 'openai', apiKey: 'sk-x' });
		let message = '';
		try {
			resolveOptions({ api: 'vllm' as 'openai', apiKey: 42 as unknown as string, behavior: { retryAfterSeconds: 1.5 } });
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toContain('- api: must be both or openai; got "vllm"');
		expect(message).toMatch(/- apiKey: [^\n]+$/m);
		expect(message).not.toContain('42');
		expect(message).toContain('- behavior.retryAfterSeconds: must be a whole number of seconds');
	});
});
