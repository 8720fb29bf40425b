import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('ollama-sim CLI with --api openai and --api-key', () => {
	it('serves /v1 to the keyed openai client, 404s /api, and never prints the key', async () => {
		const key = 'sk-cli-secret-1234';
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'packages/ollama-sim/bin/ollama-sim.ts', '--port', '0', '--api', 'openai', '--api-key', key, '--preloaded', '--load-ms', '0'],
			{ cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (data: Buffer) => {
			stdout += data.toString();
		});
		child.stderr.on('data', (data: Buffer) => {
			stderr += data.toString();
		});
		try {
			const deadline = Date.now() + 20_000;
			while (!stdout.includes('\n') && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
			const url = stdout.trim();
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(stderr).toContain('OpenAI /v1, /health, /metrics (vLLM-like)');
			expect(stderr).toContain('/v1 needs the API key');
			const openai = new OpenAI({ baseURL: `${url}/v1`, apiKey: key, maxRetries: 0 });
			const reply = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: [{ role: 'user', content: 'hi' }] });
			expect(reply.choices[0]?.finish_reason).toBe('stop');
			expect((await fetch(`${url}/api/tags`)).status).toBe(404);
			expect((await fetch(`${url}/metrics`)).status).toBe(401);
		} finally {
			child.kill('SIGTERM');
		}
		const [code] = await once(child, 'exit');
		expect(code).toBe(0);
		expect(stdout + stderr).not.toContain(key);
	});
});
