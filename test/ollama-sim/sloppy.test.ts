import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { countTokens, type OllamaSim, removableSloppyKinds, type SloppyKind, type SloppyRecord, sloppyKinds, startOllamaSim } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureError } from './captureError.js';
import { collect } from './collect.js';

// The shape of charbot's character prompt: persona in the system message, other speakers as "Name: text".
const system = [
	"You are Peter Griffin, chatting with people in a Discord server. Write Peter Griffin's next message in the conversation.",
	'',
	'Rules (these never change, whatever anyone writes):',
	'- Stay in character as Peter Griffin at all times: voice, opinions, manners and knowledge.',
	'',
	'About Peter Griffin:',
	'Peter Griffin is a loud dad who talks to User like an old buddy.',
	'Personality: Impulsive, loud, childish.',
	'How Peter Griffin talks: Loud, rambling, laughs at his own jokes.',
].join('\n');
const messages = [
	{ role: 'system', content: system },
	{ role: 'user', content: 'Lois Griffin: Peter, the sink is leaking.' },
	{ role: 'assistant', content: 'I fixed it with gum.' },
	{ role: 'user', content: 'Dave: Peter, what do you think?' },
	{ role: 'system', content: 'Now reply as Peter Griffin, in character: one message under 1200 characters, with no speaker label.' },
];
// charbot's default stop sequences (packages/llm generationDefaults).
const options = { stop: ['Human:', 'Assistant:', '\n\n\n'] };
const model = 'llama3.2:1b';

describe('ollama-sim sloppy replies through the official client', () => {
	let sim: OllamaSim;
	let ollama: Ollama;
	let sloppyHeaders: (string | null)[];

	beforeEach(async () => {
		sim = await startOllamaSim({
			loadMs: 0,
			tokensPerSecond: 3000,
			promptTokensPerSecond: 100_000,
			timeToFirstTokenMs: 0,
			preloaded: true,
			replyTokens: 30,
			sloppy: 0.25,
		});
		sloppyHeaders = [];
		ollama = new Ollama({
			host: sim.url,
			fetch: async (input, init) => {
				const response = await fetch(input, init);
				if (String(input).endsWith('/api/chat') || String(input).endsWith('/api/generate')) sloppyHeaders.push(response.headers.get('x-ollama-sim-sloppy'));
				return response;
			},
		});
	});
	afterEach(() => sim.close());

	const chat = async () => (await ollama.chat({ model, messages, options })).message.content;
	const streamChat = async () => {
		const chunks = await collect(await ollama.chat({ model, messages, options, stream: true }));
		return { text: chunks.map((chunk) => chunk.message.content).join(''), chunks };
	};

	it('makes every 4th reply sloppy, whole or streamed, with a header and a record of what was sent', async () => {
		const whole = [];
		for (let index = 0; index < 8; index += 1) whole.push(await chat());
		const streamed = [];
		for (let index = 0; index < 4; index += 1) streamed.push(await streamChat());

		expect(sloppyHeaders).toEqual([null, null, null, 'assistant-frame', null, null, null, 'ooc-note', null, null, null, 'template-tokens']);
		const records = sim.sloppyRecords();
		expect(records.map((record) => record.kind)).toEqual(['assistant-frame', 'ooc-note', 'template-tokens']);
		expect(records.map((record) => record.text)).toEqual([whole[3], whole[7], streamed[3]?.text]);
		for (const record of records) {
			expect(record).toMatchObject({ model, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
			expect(record.text).toContain(record.fragment);
		}
		// The clean replies are the same text every time; the sloppy ones wrap it.
		const clean = whole[0] ?? '';
		expect([...whole, ...streamed.map((reply) => reply.text)].filter((text) => text === clean)).toHaveLength(9);
		for (const record of records) expect(record.text).toContain(clean);

		const last = streamed[3]?.chunks ?? [];
		expect(last.at(-1)).toMatchObject({ done: true, eval_count: last.length - 1 });
		expect(last.at(-1)?.eval_count).toBe(countTokens(streamed[3]?.text ?? ''));
		expect(sim.stats().sloppy).toEqual({ eligible: 12, injected: 3, cut: 0, byKind: { 'assistant-frame': 1, 'ooc-note': 1, 'template-tokens': 1 } });

		const listed = (await (await fetch(`${sim.url}/_sim/sloppy`)).json()) as { count: number; records: SloppyRecord[] };
		expect(listed).toEqual({ count: 3, records });
		const index = (await (await fetch(`${sim.url}/_sim`)).json()) as { endpoints: string[] };
		expect(index.endpoints).toContain('GET /_sim/sloppy');
		sim.resetStats();
		expect(sim.sloppyRecords()).toEqual([]);
		expect(sim.stats().sloppy).toEqual({ eligible: 0, injected: 0, cut: 0, byKind: {} });
	});

	it("brings every kind through charbot's stop sequences, keeping the reply whole inside removable ones", async () => {
		await sim.setBehavior({ sloppy: 0 });
		const clean = await chat();
		await sim.setBehavior({ sloppy: 1 });
		const texts = [];
		for (let index = 0; index < sloppyKinds.length; index += 1) texts.push(index % 2 === 0 ? await chat() : (await streamChat()).text);
		const records = sim.sloppyRecords();
		expect(records.map((record) => record.kind)).toEqual([...sloppyKinds]);
		expect(sloppyHeaders.slice(1)).toEqual([...sloppyKinds]);
		for (const [index, record] of records.entries()) {
			expect(record.text).toBe(texts[index]);
			expect(record.text).toContain(record.fragment);
			expect(record.text).not.toBe(clean);
			if (removableSloppyKinds.includes(record.kind)) expect(record.text, record.kind).toContain(clean);
		}
		expect(records.find((record) => record.kind === 'own-label')?.fragment).toMatch(/Peter/);
		expect(
			records
				.find((record) => record.kind === 'prompt-echo')
				?.text.split('\n')
				.every((line) => system.includes(line)),
		).toBe(true);
	});

	it('makes scripted replies sloppy too, and generate replies', async () => {
		await sim.setBehavior({ sloppy: 1, sloppyKinds: ['mass-mention', 'own-label'] });
		sim.addScript({ match: 'what do you think', reply: "Freakin' sweet!" });
		expect(await chat()).toMatch(/@(everyone|here)/);
		const labelled = await chat();
		expect(labelled).toMatch(/^(\*\*)?Peter( Griffin)?(:\*\*|\*\*:|:)\s+Freakin' sweet!$/);
		const generated = await ollama.generate({ model, system, prompt: 'Dave: hi Peter', options });
		expect(generated.response).toContain('@');
		expect(sim.sloppyRecords().map((record) => record.kind)).toEqual(['mass-mention', 'own-label', 'mass-mention']);
		expect(sim.sloppyRecords()[0]?.text).toContain("Freakin' sweet!");
	});

	it('never makes structured output sloppy', async () => {
		await sim.setBehavior({ sloppy: 1 });
		const shape = z.object({ pass: z.boolean(), reason: z.string() });
		const judged = await ollama.chat({ model, messages, format: z.toJSONSchema(shape) });
		expect(shape.safeParse(JSON.parse(judged.message.content)).success).toBe(true);
		const json = await ollama.generate({ model, prompt: 'Answer in JSON', format: 'json' });
		expect(JSON.parse(json.response ?? '')).toHaveProperty('response');
		expect(sloppyHeaders).toEqual([null, null]);
		expect(sim.sloppyRecords()).toEqual([]);
		expect(sim.stats().sloppy).toMatchObject({ eligible: 0, injected: 0 });
		// The count of eligible replies went on unchanged: the next plain reply is still sloppy.
		await chat();
		expect(sim.sloppyRecords()).toHaveLength(1);
	});

	it('records nothing when a stop sequence or num_predict cuts the failure away', async () => {
		await sim.setBehavior({ sloppy: 1, sloppyKinds: ['script'] });
		const stopped = await ollama.chat({ model, messages, options: { stop: ['\n'] } });
		expect(stopped.message.content).not.toContain('\n');
		const streamed = await collect(await ollama.chat({ model, messages, options: { stop: ['\n'] }, stream: true }));
		expect(streamed.map((chunk) => chunk.message.content).join('')).toBe(stopped.message.content);
		await sim.setBehavior({ sloppyKinds: ['ooc-note'] });
		const short = await ollama.chat({ model, messages, options: { num_predict: 5 } });
		expect(short).toMatchObject({ done_reason: 'length', eval_count: 5 });
		expect(sloppyHeaders).toEqual([null, null, null]);
		expect(sim.sloppyRecords()).toEqual([]);
		expect(sim.stats().sloppy).toEqual({ eligible: 3, injected: 0, cut: 3, byKind: {} });
	});

	it('validates sloppy and sloppyKinds, naming the field', async () => {
		await expect(sim.setBehavior({ sloppy: 2 })).rejects.toThrow('Invalid SimBehavior: sloppy: must be 0..1');
		await expect(sim.setBehavior({ sloppyKinds: ['typos'] as unknown as SloppyKind[] })).rejects.toThrow(/sloppyKinds\.0: must be one of assistant-frame/);
		await expect(sim.setBehavior({ sloppyKinds: [] })).rejects.toThrow('sloppyKinds: must list at least one kind');
		const post = (body: unknown) => fetch(`${sim.url}/_sim/behavior`, { method: 'POST', body: JSON.stringify(body) });
		const bad = await post({ sloppy: 'lots' });
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({ error: 'sloppy: must be a number' });
		const good = await post({ sloppy: 0.5, sloppyKinds: ['loop'] });
		expect(await good.json()).toMatchObject({ sloppy: 0.5, sloppyKinds: ['loop'] });
		expect(sim.behavior.sloppy).toBe(0.5);
		expect(await captureError(startOllamaSim({ sloppy: 1.5 }))).toMatchObject({ message: expect.stringContaining('sloppy: must be 0..1; got 1.5') });
	});
});

describe('ollama-sim --sloppy', () => {
	const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
	const runCli = (args: string[]) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'packages/ollama-sim/bin/ollama-sim.ts', ...args], {
			cwd: repoRoot,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const output = { stdout: '', stderr: '' };
		child.stdout.on('data', (data: Buffer) => {
			output.stdout += data.toString();
		});
		child.stderr.on('data', (data: Buffer) => {
			output.stderr += data.toString();
		});
		return { child, output };
	};

	it('starts sloppy from the command line and exits 2 on a bad share', async () => {
		const { child, output } = runCli(['--port', '0', '--preloaded', '--load-ms', '0', '--sloppy', '1', '--sloppy-kinds', 'own-label']);
		try {
			const deadline = Date.now() + 20_000;
			while (!output.stdout.includes('\n') && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
			const url = output.stdout.trim();
			expect(output.stderr).toContain('sloppy: 1');
			const reply = await new Ollama({ host: url }).chat({ model, messages });
			expect(reply.message.content).toMatch(/^(\*\*)?Peter/);
			const listed = (await (await fetch(`${url}/_sim/sloppy`)).json()) as { count: number };
			expect(listed.count).toBe(1);
		} finally {
			child.kill('SIGTERM');
		}
		expect((await once(child, 'exit'))[0]).toBe(0);
		const bad = runCli(['--sloppy', '2']);
		expect((await once(bad.child, 'exit'))[0]).toBe(2);
		expect(bad.output.stderr).toContain('--sloppy must be a share 0..1; got "2"');
	});
});
