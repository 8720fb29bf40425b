import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { readRolesFile, resolveLlmSettings } from './resolveLlmSettings.js';

describe('resolveLlmSettings', () => {
	it('works from OLLAMA_BASE_URL and OLLAMA_MODEL alone, with the spec variables', () => {
		const settings = resolveLlmSettings(
			loadConfig({
				OLLAMA_BASE_URL: 'http://gpu-1:11434/',
				OLLAMA_MODEL: 'llama3:8b',
				REQUEST_TIMEOUT: '60',
				MAX_CONCURRENT_REQUESTS: '3',
				LLM_RESPONSE_CACHE_TTL: '120',
				CACHE_MAX_SIZE: '50',
			}),
		);
		expect(settings.hosts).toEqual([{ url: 'http://gpu-1:11434', kind: 'ollama', weight: 1, labels: [], models: {} }]);
		expect(settings.roles).toEqual({ chat: { model: 'llama3:8b' }, judge: { model: 'llama3:8b' }, escalation: { model: 'llama3:8b' } });
		expect(settings).toMatchObject({ requestTimeoutMs: 60_000, maxParallelPerHost: 3, cacheTtlSeconds: 120, cacheMaxSize: 50, healthIntervalMs: 30_000 });
	});

	it('takes OLLAMA_HOSTS and a roles file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'roles-'));
		const file = join(dir, 'roles.yaml');
		writeFileSync(
			file,
			[
				'hosts:',
				'  - url: http://big:11434',
				'    maxParallel: 2',
				'    labels: [big]',
				'roles:',
				'  escalation:',
				'    model: llama3.1:70b',
				'    hosts: [big]',
				'    keepAlive: 30m',
			].join('\n'),
		);
		const settings = resolveLlmSettings(loadConfig({ OLLAMA_HOSTS: 'http://a:11434, http://b:11434', OLLAMA_ROLES_FILE: file }));
		expect(settings.hosts.map((host) => host.url)).toEqual(['http://a:11434', 'http://b:11434', 'http://big:11434']);
		expect(settings.roles.escalation).toEqual({ model: 'llama3.1:70b', hosts: ['big'], keepAlive: '30m' });
		expect(settings.roles.chat?.model).toBe('llama3.2:1b');
		// No MAX_CONCURRENT_REQUESTS: every host's limit adapts (up to its maxParallel).
		expect(settings.maxParallelPerHost).toBeUndefined();
	});

	it('has a vision role only when a vision model is named, by OLLAMA_VISION_MODEL or the roles file', () => {
		expect(resolveLlmSettings(loadConfig({})).roles.vision).toBeUndefined();
		expect(resolveLlmSettings(loadConfig({ OLLAMA_VISION_MODEL: 'llava:7b' })).roles.vision).toEqual({ model: 'llava:7b' });
		const fromFile = resolveLlmSettings(loadConfig({ OLLAMA_VISION_MODEL: 'llava:7b' }), { roles: { vision: { model: 'gemma3:4b', keepAlive: -1 } } });
		expect(fromFile.roles.vision).toEqual({ model: 'gemma3:4b', keepAlive: -1 });
	});

	it('names the file, field and reason of a bad roles file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'roles-'));
		const file = join(dir, 'roles.yaml');
		writeFileSync(file, 'hosts:\n  - url: ftp://nope\nroles:\n  judge:\n    model: ""\n');
		expect(() => readRolesFile(file)).toThrow(new RegExp(`${file}: hosts\\.0\\.url: must be an http\\(s\\) URL.*roles\\.judge\\.model: must name a model`));
	});

	it('refuses a role pointing at no host and a bad OLLAMA_HOSTS entry', () => {
		expect(() => resolveLlmSettings(loadConfig({}), { roles: { judge: { model: 'x', hosts: ['gpu'] } } })).toThrow(
			'roles.judge.hosts: "gpu" matches no host URL or label',
		);
		expect(() => resolveLlmSettings(loadConfig({ OLLAMA_HOSTS: 'http://a:11434,a-host' }))).toThrow(/OLLAMA_HOSTS\[1\]: must be an http\(s\) URL/);
	});

	it('takes OpenAI-compatible hosts by prefix or kind, with their keys, model names and dialect', () => {
		const settings = resolveLlmSettings(
			loadConfig({ OLLAMA_HOSTS: 'http://a:11434, openai+http://vllm:8000, openai+https://api.example.com/openai/v1/', OPENAI_API_KEY: 'shared-key-123' }),
			{
				hosts: [
					{
						url: 'http://llamacpp:8080/v1',
						kind: 'openai',
						apiKeyEnv: 'LLAMACPP_KEY',
						dialect: 'llama.cpp',
						models: { 'llama3.2:1b': 'Llama-3.2-1B-Instruct-Q4_K_M' },
						weight: 1,
						labels: [],
					},
				],
			},
			{ LLAMACPP_KEY: 'own-key-456' },
		);
		expect(settings.hosts.map((host) => [host.url, host.kind, host.apiKey])).toEqual([
			['http://a:11434', 'ollama', undefined],
			['http://vllm:8000/v1', 'openai', 'shared-key-123'],
			['https://api.example.com/openai/v1', 'openai', 'shared-key-123'],
			['http://llamacpp:8080/v1', 'openai', 'own-key-456'],
		]);
		expect(settings.hosts[3]).toMatchObject({ dialect: 'llama.cpp', models: { 'llama3.2:1b': 'Llama-3.2-1B-Instruct-Q4_K_M' } });
	});

	it('names the field of a bad OpenAI-compatible host, and a key variable that is not set', () => {
		expect(() => resolveLlmSettings(loadConfig({ OLLAMA_HOSTS: 'openai+ftp://x' }))).toThrow(
			/OLLAMA_HOSTS\[0\]: must be an http\(s\) URL, e\.g\. openai\+http/,
		);
		expect(() => resolveLlmSettings(loadConfig({ OLLAMA_HOSTS: 'http://a:11434/v1' }))).toThrow(/with no path.*openai\+ prefix/);
		expect(() => resolveLlmSettings(loadConfig({ OLLAMA_HOSTS: 'openai+http://user:pw@vllm:8000' }))).toThrow(/must not carry credentials/);
		expect(() =>
			resolveLlmSettings(
				loadConfig({}),
				{ hosts: [{ url: 'http://v:8000', kind: 'openai', apiKeyEnv: 'MISSING_KEY', weight: 1, labels: [], models: {} }] },
				{},
			),
		).toThrow('hosts[0].apiKeyEnv: the environment variable MISSING_KEY is not set');
		const dir = mkdtempSync(join(tmpdir(), 'roles-'));
		const file = join(dir, 'roles.yaml');
		writeFileSync(file, 'hosts:\n  - url: ollama+http://a:11434\n    kind: openai\n  - url: http://b:11434\n    dialect: vllm\n');
		expect(() => readRolesFile(file)).toThrow(
			/hosts\.0\.url: says ollama\+ but the host's kind is openai.*hosts\.1\.dialect: is for OpenAI-compatible hosts only/s,
		);
	});
});
