import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collect } from './collect.js';

const ask = (content: string) => [
	{ role: 'system', content: 'You are Captain Quill, a pompous pirate parrot.' },
	{ role: 'user', content },
];

describe('ollama-sim scripted replies', () => {
	let sim: OllamaSim;
	let ollama: Ollama;

	beforeAll(async () => {
		sim = await startOllamaSim({ loadMs: 0, tokensPerSecond: 2000, preloaded: true, models: ['llama3.2:1b', 'llama3:8b'] });
		ollama = new Ollama({ host: sim.url });
	});
	beforeEach(() => sim.clearScripts());
	afterAll(() => sim.close());

	it('answers out of character once (times: 1), then generation resumes unchanged', async () => {
		const question = ask('Who are you really?');
		const generated = (await ollama.chat({ model: 'llama3.2:1b', messages: question })).message.content;
		sim.addScript({ match: /who are you/i, reply: 'As an AI language model, I cannot pretend to be a parrot.', times: 1 });
		const first = await ollama.chat({ model: 'llama3.2:1b', messages: question });
		expect(first.message.content).toBe('As an AI language model, I cannot pretend to be a parrot.');
		expect(first.done_reason).toBe('stop');
		const second = await ollama.chat({ model: 'llama3.2:1b', messages: question });
		expect(second.message.content).toBe(generated);
	});

	it('echoes a token found in the question through a reply function, streamed token by token', async () => {
		sim.addScript({
			match: /code word (\w+)/,
			reply: ({ lastUserMessage, model }) => `Squawk! The code word is ${/code word (\w+)/.exec(lastUserMessage)?.[1]}, says ${model}.`,
		});
		const chunks = await collect(await ollama.chat({ model: 'llama3.2:1b', messages: ask('Repeat the code word zebra42 please'), stream: true }));
		expect(chunks.map((chunk) => chunk.message.content).join('')).toBe('Squawk! The code word is zebra42, says llama3.2:1b.');
		expect(chunks.length).toBeGreaterThan(5);
		const generated = await ollama.generate({ model: 'llama3.2:1b', prompt: 'say the code word kiwi7' });
		expect(generated.response).toBe('Squawk! The code word is kiwi7, says llama3.2:1b.');
	});

	it('limits a script to one model, and scripts win over format and are still cut by num_predict', async () => {
		sim.addScript({ match: 'judge', reply: 'not json at all', model: 'llama3:8b' });
		const schema = z.toJSONSchema(z.object({ pass: z.boolean() }));
		const other = await ollama.chat({ model: 'llama3.2:1b', messages: ask('judge this'), format: schema });
		expect(z.object({ pass: z.boolean() }).safeParse(JSON.parse(other.message.content)).success).toBe(true);
		const judged = await ollama.chat({ model: 'llama3:8b', messages: ask('Please JUDGE this'), format: schema });
		expect(judged.message.content).toBe('not json at all');
		const cut = await ollama.chat({ model: 'llama3:8b', messages: ask('judge'), options: { num_predict: 2 } });
		expect(cut).toMatchObject({ done_reason: 'length', message: { content: 'not json' } });
	});

	it("shows a reply function the request's format, so it can answer a structured request in kind", async () => {
		const schema = z.toJSONSchema(z.object({ verdict: z.enum(['pass', 'fail']) }));
		sim.addScript({
			match: /./,
			reply: ({ format }) => (format === undefined ? 'prose' : JSON.stringify({ verdict: typeof format === 'object' ? 'pass' : 'fail' })),
		});
		const structured = await ollama.chat({ model: 'llama3.2:1b', messages: ask('judge this'), format: schema });
		expect(JSON.parse(structured.message.content)).toEqual({ verdict: 'pass' });
		expect((await ollama.chat({ model: 'llama3.2:1b', messages: ask('judge this'), format: 'json' })).message.content).toBe('{"verdict":"fail"}');
		expect((await ollama.chat({ model: 'llama3.2:1b', messages: ask('judge this') })).message.content).toBe('prose');
	});
});
