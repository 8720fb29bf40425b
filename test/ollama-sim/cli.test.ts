import { once } from 'node:events';
import { Ollama } from 'ollama';
import { describe, expect, it } from 'vitest';
import { runSimCli, simCliUrl } from './runSimCli.js';

describe('ollama-sim CLI', () => {
	it('starts with a loud banner, serves the official client, and closes on SIGTERM', async () => {
		const cli = runSimCli([
			'--port',
			'0',
			'--models',
			'llama3:8b-instruct-q5_K_M,llama3.2:1b=200',
			'--parallel',
			'2',
			'--preloaded',
			'--name',
			'cli-sim',
			'--load-ms',
			'10',
		]);
		try {
			const url = await simCliUrl(cli);
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(cli.output().stderr).toContain('REPLIES ARE SIMULATED');
			const ollama = new Ollama({ host: url });
			expect(await ollama.version()).toMatchObject({ simulated: true, name: 'cli-sim' });
			expect((await ollama.ps()).models.map((model) => model.name).sort()).toEqual(['llama3.2:1b', 'llama3:8b-instruct-q5_K_M']);
			expect((await ollama.chat({ model: 'llama3.2:1b', messages: [{ role: 'user', content: 'hi' }] })).done).toBe(true);
		} finally {
			cli.child.kill('SIGTERM');
		}
		const [code] = await once(cli.child, 'exit');
		expect(code).toBe(0);
		expect(cli.output().stderr).toContain('SIGTERM, closing');
	});

	it('exits 2 naming a bad flag, and prints help', async () => {
		const bad = runSimCli(['--fault', 'explode']);
		const [code] = await once(bad.child, 'exit');
		expect(code).toBe(2);
		expect(bad.output().stderr).toContain('--fault must be one of none, refuse, hang');
		const help = runSimCli(['--help']);
		const [helpCode] = await once(help.child, 'exit');
		expect(helpCode).toBe(0);
		expect(help.output().stdout).toContain('--tokens-per-second');
	});
});
