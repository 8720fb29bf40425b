import { once } from 'node:events';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { runSimCli, simCliUrl } from './runSimCli.js';

describe('ollama-sim CLI with --api openai and --api-key', () => {
	it('serves /v1 to the keyed openai client, 404s /api, and never prints the key', async () => {
		const key = 'sk-cli-secret-1234';
		const cli = runSimCli(['--port', '0', '--api', 'openai', '--api-key', key, '--preloaded', '--load-ms', '0']);
		try {
			const url = await simCliUrl(cli);
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(cli.output().stderr).toContain('OpenAI /v1, /health, /metrics (vLLM-like)');
			expect(cli.output().stderr).toContain('/v1 needs the API key');
			const openai = new OpenAI({ baseURL: `${url}/v1`, apiKey: key, maxRetries: 0 });
			const reply = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: [{ role: 'user', content: 'hi' }] });
			expect(reply.choices[0]?.finish_reason).toBe('stop');
			expect((await fetch(`${url}/api/tags`)).status).toBe(404);
			expect((await fetch(`${url}/metrics`)).status).toBe(401);
		} finally {
			cli.child.kill('SIGTERM');
		}
		const [code] = await once(cli.child, 'exit');
		expect(code).toBe(0);
		expect(cli.output().stdout + cli.output().stderr).not.toContain(key);
	});
});
