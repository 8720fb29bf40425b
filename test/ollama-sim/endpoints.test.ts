import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureError } from './captureError.js';
import { collect } from './collect.js';

describe('ollama-sim endpoints through the official client', () => {
	let sim: OllamaSim;
	let ollama: Ollama;

	beforeAll(async () => {
		sim = await startOllamaSim({
			name: 'sim-endpoints',
			models: ['llama3.2:1b', 'llama3:8b-instruct-q5_K_M', 'nomic-embed-text'],
			loadMs: 50,
			pullMs: 300,
			tokensPerSecond: 1000,
		});
		ollama = new Ollama({ host: sim.url });
	});
	afterAll(() => sim.close());

	it('says Ollama is running and declares itself simulated in /api/version', async () => {
		const root = await fetch(sim.url);
		expect(await root.text()).toBe('Ollama is running');
		expect((await fetch(sim.url, { method: 'HEAD' })).status).toBe(200);
		const version = await ollama.version();
		expect(version.version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(version).toMatchObject({ simulated: true, name: 'sim-endpoints' });
		expect(root.headers.get('x-ollama-sim')).toBe('sim-endpoints');
	});

	it('lists models in /api/tags with digests and details, and shows a changed digest', async () => {
		const { models } = await ollama.list();
		expect(models.map((model) => model.name).sort()).toEqual(['llama3.2:1b', 'llama3:8b-instruct-q5_K_M', 'nomic-embed-text:latest']);
		const big = models.find((model) => model.name === 'llama3:8b-instruct-q5_K_M');
		expect(big).toMatchObject({
			model: 'llama3:8b-instruct-q5_K_M',
			details: { format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '8.0B', quantization_level: 'Q5_K_M' },
		});
		expect(big?.digest).toMatch(/^[0-9a-f]{64}$/);
		expect(Number.isNaN(Date.parse(String(big?.modified_at)))).toBe(false);
		const newDigest = 'a'.repeat(64);
		sim.setModelDigest('llama3:8b-instruct-q5_K_M', `sha256:${newDigest}`);
		const after = await ollama.list();
		expect(after.models[0]).toMatchObject({ name: 'llama3:8b-instruct-q5_K_M', digest: newDigest });
	});

	it('shows details, model info and capabilities, and 404s an unknown model', async () => {
		const shown = await ollama.show({ model: 'llama3.2:1b' });
		expect(shown.details).toMatchObject({ family: 'llama', parameter_size: '1.0B' });
		expect(shown.capabilities).toEqual(['completion']);
		expect((shown.model_info as unknown as Record<string, unknown>)['llama.context_length']).toBe(131072);
		expect(shown.modelfile).toContain('FROM llama3.2:1b');
		const error = await captureError(ollama.show({ model: 'mistral:7b' }));
		expect(error).toMatchObject({ name: 'ResponseError', status_code: 404, message: "model 'mistral:7b' not found" });
	});

	it('lists loaded models in /api/ps with expires_at from keep_alive', async () => {
		await ollama.generate({ model: 'llama3.2:1b', prompt: '', keep_alive: 0 });
		expect((await ollama.ps()).models).toEqual([]);
		const before = Date.now();
		await ollama.generate({ model: 'llama3.2:1b', prompt: 'Hi', keep_alive: '10m' });
		const { models } = await ollama.ps();
		expect(models.map((model) => model.name)).toEqual(['llama3.2:1b']);
		const expires = Date.parse(String(models[0]?.expires_at));
		expect(expires - before).toBeGreaterThan(9.9 * 60_000);
		expect(expires - before).toBeLessThan(10.1 * 60_000);
		expect(models[0]?.size_vram).toBe(models[0]?.size);
		await ollama.generate({ model: 'llama3.2:1b', prompt: 'Hi', keep_alive: -1 });
		expect(Date.parse(String((await ollama.ps()).models[0]?.expires_at))).toBeGreaterThan(Date.now() + 100 * 365 * 86_400_000);
	});

	it('streams pull progress in order, then has the model', async () => {
		const progress = await collect(await ollama.pull({ model: 'qwen2.5:7b', stream: true }));
		const statuses = progress.map((line) => line.status);
		expect(statuses[0]).toBe('pulling manifest');
		expect(statuses.slice(-3)).toEqual(['verifying sha256 digest', 'writing manifest', 'success']);
		const layer = progress.filter((line) => line.status.startsWith('pulling ') && line.digest !== undefined);
		expect(layer[0]?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(layer[0]?.status).toBe(`pulling ${layer[0]?.digest.slice(7, 19)}`);
		const completed = layer.filter((line) => line.digest === layer[0]?.digest).map((line) => line.completed);
		expect(completed).toEqual([...completed].sort((a, b) => a - b));
		expect(completed.at(-1)).toBe(layer[0]?.total);
		expect((await ollama.list()).models.map((model) => model.name)).toContain('qwen2.5:7b');
		expect(await ollama.pull({ model: 'phi3:mini' })).toEqual({ status: 'success' });
	});

	it('embeds deterministically, one unit vector per input, with dimensions honoured', async () => {
		const result = await ollama.embed({ model: 'nomic-embed-text', input: ['the cat sat', 'the cat sat', 'a dog ran'] });
		expect(result.model).toBe('nomic-embed-text');
		expect(result.embeddings).toHaveLength(3);
		expect(result.embeddings[0]).toHaveLength(768);
		expect(result.embeddings[0]).toEqual(result.embeddings[1]);
		expect(result.embeddings[0]).not.toEqual(result.embeddings[2]);
		const norm = Math.hypot(...(result.embeddings[0] ?? []));
		expect(norm).toBeCloseTo(1, 4);
		expect(result.prompt_eval_count).toBeGreaterThan(0);
		const small = await ollama.embed({ model: 'nomic-embed-text', input: 'hello', dimensions: 32 });
		expect(small.embeddings[0]).toHaveLength(32);
		const legacy = await ollama.embeddings({ model: 'nomic-embed-text', prompt: 'the cat sat' });
		expect(legacy.embedding.slice(0, 32)).toEqual(result.embeddings[0]?.slice(0, 32));
	});

	it('refuses chat on an embedding model and deletes models', async () => {
		const error = await captureError(ollama.chat({ model: 'nomic-embed-text', messages: [{ role: 'user', content: 'hi' }] }));
		expect(error).toMatchObject({ status_code: 400, message: '"nomic-embed-text" does not support chat' });
		expect(await ollama.delete({ model: 'qwen2.5:7b' })).toEqual({ status: 'success' });
		expect((await ollama.list()).models.map((model) => model.name)).not.toContain('qwen2.5:7b');
		expect(await captureError(ollama.delete({ model: 'qwen2.5:7b' }))).toMatchObject({ status_code: 404 });
	});
});
