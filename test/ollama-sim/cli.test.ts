import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Ollama } from 'ollama';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = 'packages/ollama-sim/bin/ollama-sim.ts';

function runCli(args: string[]) {
	const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (data: Buffer) => {
		stdout += data.toString();
	});
	child.stderr.on('data', (data: Buffer) => {
		stderr += data.toString();
	});
	return { child, output: () => ({ stdout, stderr }) };
}

describe('ollama-sim CLI', () => {
	it('starts with a loud banner, serves the official client, and closes on SIGTERM', async () => {
		const { child, output } = runCli([
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
			const deadline = Date.now() + 20_000;
			while (!output().stdout.includes('\n') && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
			const url = output().stdout.trim();
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(output().stderr).toContain('REPLIES ARE SIMULATED');
			const ollama = new Ollama({ host: url });
			expect(await ollama.version()).toMatchObject({ simulated: true, name: 'cli-sim' });
			expect((await ollama.ps()).models.map((model) => model.name).sort()).toEqual(['llama3.2:1b', 'llama3:8b-instruct-q5_K_M']);
			expect((await ollama.chat({ model: 'llama3.2:1b', messages: [{ role: 'user', content: 'hi' }] })).done).toBe(true);
		} finally {
			child.kill('SIGTERM');
		}
		const [code] = await once(child, 'exit');
		expect(code).toBe(0);
		expect(output().stderr).toContain('SIGTERM, closing');
	});

	it('exits 2 naming a bad flag, and prints help', async () => {
		const bad = runCli(['--fault', 'explode']);
		const [code] = await once(bad.child, 'exit');
		expect(code).toBe(2);
		expect(bad.output().stderr).toContain('--fault must be one of none, refuse, hang');
		const help = runCli(['--help']);
		const [helpCode] = await once(help.child, 'exit');
		expect(helpCode).toBe(0);
		expect(help.output().stdout).toContain('--tokens-per-second');
	});
});
