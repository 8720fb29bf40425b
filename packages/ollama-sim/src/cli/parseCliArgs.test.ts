import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parseCliArgs.js';

describe('parseCliArgs', () => {
	it('maps the documented flags to options', () => {
		const { options, help } = parseCliArgs([
			'--port',
			'0',
			'--models',
			'llama3:8b-instruct-q5_K_M,llama3.2:1b=120',
			'--parallel',
			'2',
			'--tokens-per-second',
			'65',
			'--load-ms',
			'1500',
			'--preloaded',
			'--keep-alive',
			'10m',
			'--fault',
			'http503',
			'--fault-rate',
			'0.5',
			'--slow',
			'2',
		]);
		expect(help).toBe(false);
		expect(options).toMatchObject({
			port: 0,
			models: ['llama3:8b-instruct-q5_K_M', { name: 'llama3.2:1b', tokensPerSecond: 120 }],
			numParallel: 2,
			tokensPerSecond: 65,
			loadMs: 1500,
			preloaded: true,
			keepAliveMs: 600_000,
			behavior: { fault: 'http503', faultRate: 0.5, slowFactor: 2 },
		});
	});

	it("defaults to Ollama's port and takes keep-alive seconds", () => {
		expect(parseCliArgs([]).options.port).toBe(11434);
		expect(parseCliArgs(['--keep-alive=-1']).options.keepAliveMs).toBe(Number.POSITIVE_INFINITY);
		expect(parseCliArgs(['-h']).help).toBe(true);
	});

	it('takes the sloppy share and kinds', () => {
		expect(parseCliArgs(['--sloppy', '0.3']).options).toMatchObject({ sloppy: 0.3 });
		expect(parseCliArgs(['--sloppy', '0.3']).options.behavior).toBeUndefined();
		expect(parseCliArgs(['--sloppy-kinds', 'own-label, loop']).options.behavior).toEqual({ sloppyKinds: ['own-label', 'loop'] });
		expect(() => parseCliArgs(['--sloppy', '1.5'])).toThrow('--sloppy must be a share 0..1; got "1.5"');
		expect(() => parseCliArgs(['--sloppy', 'lots'])).toThrow('--sloppy must be a number; got "lots"');
		expect(() => parseCliArgs(['--sloppy-kinds', 'own-label,typos'])).toThrow(/--sloppy-kinds takes kinds from assistant-frame, .*; got "typos"/);
		expect(() => parseCliArgs(['--sloppy-kinds', ','])).toThrow(/--sloppy-kinds must list at least one kind/);
	});

	it('takes the API, the key and the Retry-After seconds, and never echoes a key', () => {
		expect(parseCliArgs(['--api', 'openai', '--api-key', 'sk-sim', '--retry-after', '5']).options).toMatchObject({
			api: 'openai',
			apiKey: 'sk-sim',
			behavior: { retryAfterSeconds: 5 },
		});
		expect(parseCliArgs(['--fault', 'http429']).options.behavior).toEqual({ fault: 'http429' });
		expect(() => parseCliArgs(['--api', 'vllm'])).toThrow('--api must be both or openai; got "vllm"');
		expect(() => parseCliArgs(['--api-key', ' '])).toThrow('--api-key must not be empty');
	});

	it('names the flag and the problem', () => {
		expect(() => parseCliArgs(['--port', 'abc'])).toThrow('--port must be a number; got "abc"');
		expect(() => parseCliArgs(['--fault', 'explode'])).toThrow(/--fault must be one of none, refuse/);
		expect(() => parseCliArgs(['--bogus'])).toThrow(/--help/);
		expect(() => parseCliArgs(['--keep-alive', '1d'])).toThrow(/--keep-alive/);
	});
});
