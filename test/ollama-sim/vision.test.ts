import { createHash } from 'node:crypto';
import { type OllamaSim, startOllamaSim, tokensPerImage } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureError } from './captureError.js';
import { collect } from './collect.js';

// A real 1x1 PNG, and a second image with other bytes.
const pngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const png = new Uint8Array(Buffer.from(pngBase64, 'base64'));
const other = new Uint8Array(Buffer.from('GIF89a-not-really-a-gif'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('ollama-sim images, as Ollama accepts and refuses them (api/types.go ImageData, server/routes.go, llm/llama_server.go)', () => {
	let sim: OllamaSim;
	let ollama: Ollama;
	const post = (path: string, body: unknown) =>
		fetch(`${sim.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

	beforeAll(async () => {
		sim = await startOllamaSim({ models: ['llava:7b', 'llama3.2:1b', 'gemma3:4b', 'gemma3:1b'], loadMs: 0, tokensPerSecond: 2000, preloaded: true });
		ollama = new Ollama({ host: sim.url });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.resetStats());

	it('reports vision in /api/show capabilities for models that see, and only for them', async () => {
		expect((await ollama.show({ model: 'llava:7b' })).capabilities).toEqual(['completion', 'vision']);
		expect((await ollama.show({ model: 'gemma3:4b' })).capabilities).toEqual(['completion', 'vision']);
		expect((await ollama.show({ model: 'gemma3:1b' })).capabilities).toEqual(['completion']);
		expect((await ollama.show({ model: 'llama3.2:1b' })).capabilities).toEqual(['completion']);
	});

	it('chats with images given as Uint8Array and as base64, says how many it saw, and records each image', async () => {
		const answer = await ollama.chat({
			model: 'llava:7b',
			messages: [
				{ role: 'user', content: 'First this', images: [png] },
				{ role: 'assistant', content: 'Nice.' },
				{ role: 'user', content: 'Look at these!', images: [Buffer.from(other).toString('base64')] },
			],
		});
		expect(answer.message.content).toMatch(/^I saw 2 images\. \S/);
		const plain = await ollama.chat({
			model: 'llava:7b',
			messages: [
				{ role: 'user', content: 'First this' },
				{ role: 'assistant', content: 'Nice.' },
				{ role: 'user', content: 'Look at these!' },
			],
		});
		expect(plain.message.content).not.toContain('I saw');
		expect(answer.prompt_eval_count - plain.prompt_eval_count).toBe(2 * tokensPerImage);
		expect(answer.prompt_eval_duration).toBeGreaterThan(plain.prompt_eval_duration);
		const [withImages, without] = sim.requestRecords();
		expect(withImages).toMatchObject({
			kind: 'chat',
			model: 'llava:7b',
			images: [
				{ message: 0, bytes: png.length, sha256: sha256(png) },
				{ message: 2, bytes: other.length, sha256: sha256(other) },
			],
		});
		expect(without).toMatchObject({ kind: 'chat', model: 'llava:7b', images: [] });
		const overHttp = (await (await fetch(`${sim.url}/_sim/requests`)).json()) as { count: number; records: { images: { sha256: string }[] }[] };
		expect(overHttp.count).toBe(2);
		expect(overHttp.records[0]?.images.map((image) => image.sha256)).toEqual([sha256(png), sha256(other)]);
	});

	it('streams a chat with an image in an earlier message, naming that message', async () => {
		const stream = await ollama.chat({
			model: 'llava:7b',
			stream: true,
			messages: [
				{ role: 'system', content: 'You are Peter.' },
				{ role: 'user', content: 'Here is my cat', images: [pngBase64] },
				{ role: 'assistant', content: 'Cute.' },
				{ role: 'user', content: 'And?' },
			],
		});
		const chunks = await collect(stream);
		expect(chunks.map((chunk) => chunk.message.content).join('')).toMatch(/^I saw 1 image\./);
		expect(sim.requestRecords()[0]?.images).toEqual([{ message: 1, bytes: png.length, sha256: sha256(png) }]);
	});

	it('generates with images, and hands them to scripts', async () => {
		const seen: string[] = [];
		sim.addScript({
			match: 'describe',
			times: 1,
			reply: (context) => {
				seen.push(...(context.images ?? []).map((image) => `${image.message}:${image.bytes}`));
				return `a picture of ${context.images?.length ?? 0}`;
			},
		});
		const answer = await ollama.generate({ model: 'llava:7b', system: 'Be brief.', prompt: 'describe this', images: [png] });
		expect(answer.response).toBe('a picture of 1');
		expect(seen).toEqual([`1:${png.length}`]);
		const generated = await ollama.generate({ model: 'gemma3:4b', prompt: 'what is it?', images: [png, png, png] });
		expect(generated.response).toMatch(/^I saw 3 images\./);
		expect(sim.requestRecords().map((record) => [record.kind, record.model, record.images.length])).toEqual([
			['generate', 'llava:7b', 1],
			['generate', 'gemma3:4b', 3],
		]);
	});

	it('refuses malformed base64 with 400 and Go decoder text, on chat and generate', async () => {
		const chat = await captureError(ollama.chat({ model: 'llava:7b', messages: [{ role: 'user', content: 'x', images: ['not base64!'] }] }));
		expect(chat).toMatchObject({ name: 'ResponseError', status_code: 400, message: 'illegal base64 data at input byte 3' });
		const generate = await captureError(ollama.generate({ model: 'llava:7b', prompt: 'x', images: ['aGVsbG8'] }));
		expect(generate).toMatchObject({ name: 'ResponseError', status_code: 400, message: 'illegal base64 data at input byte 4' });
		const dataUrl = await post('/api/chat', { model: 'llava:7b', messages: [{ role: 'user', content: 'x', images: [`data:image/png;base64,${pngBase64}`] }] });
		expect(dataUrl.status).toBe(400);
		expect(await dataUrl.json()).toEqual({ error: 'illegal base64 data at input byte 4' });
		const notAList = await post('/api/generate', { model: 'llava:7b', prompt: 'x', images: pngBase64 });
		expect(notAList.status).toBe(400);
		expect(((await notAList.json()) as { error: string }).error).toMatch(/^json: cannot unmarshal string into Go struct field GenerateRequest\.images/);
		expect(sim.requestRecords()).toEqual([]);
	});

	it('refuses images to a model without vision with the runner error Ollama passes on (500)', async () => {
		const refusal =
			'{"error":{"code":500,"message":"image input is not supported - hint: if this is unexpected, you may need to provide the mmproj","type":"server_error"}}';
		for (const model of ['llama3.2:1b', 'gemma3:1b']) {
			const error = await captureError(ollama.chat({ model, messages: [{ role: 'user', content: 'look', images: [png] }] }));
			expect(error).toMatchObject({ name: 'ResponseError', status_code: 500, message: refusal });
		}
		const streamed = await captureError(ollama.generate({ model: 'llama3.2:1b', prompt: 'look', images: [png], stream: true }));
		expect(streamed).toMatchObject({ name: 'ResponseError', status_code: 500, message: refusal });
		expect((await ollama.chat({ model: 'llama3.2:1b', messages: [{ role: 'user', content: 'no picture' }] })).done).toBe(true);
		expect(sim.requestRecords().map((record) => [record.model, record.images.length])).toEqual([
			['llama3.2:1b', 1],
			['gemma3:1b', 1],
			['llama3.2:1b', 1],
			['llama3.2:1b', 0],
		]);
		expect(sim.stats().requests.byStatus).toEqual({ 200: 1, 500: 3 });
	});
});
