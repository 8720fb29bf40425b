import { createPrometheusLlmMetrics, type LlmPool } from '@charbot/llm';
import type { OllamaSim } from '@charbot/ollama-sim';
import { waitFor } from '@charbot/testkit';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { model, settingsFor, startPool, startSims } from './llmFixtures.js';

let sims: OllamaSim[] = [];
let pool: LlmPool | undefined;

afterEach(async () => {
	await pool?.close();
	await Promise.all(sims.map((sim) => sim.close()));
	pool = undefined;
	sims = [];
});

describe('health', () => {
	it('tells alive from ready: a host without the role model is alive but not ready for it', async () => {
		const [withModel] = await startSims(1);
		const [withoutModel] = await startSims(1, { models: ['qwen2.5:0.5b'] });
		sims = [withModel as OllamaSim, withoutModel as OllamaSim];
		pool = await startPool({ settings: settingsFor(sims) });
		const health = await pool.health();
		expect(health.ready).toBe(true);
		expect(health.hosts.map((host) => host.alive)).toEqual([true, true]);
		expect(health.roles.chat?.readyHosts).toEqual([withModel?.url]);
		expect(health.hosts[1]?.models).toEqual(['qwen2.5:0.5b']);
	});

	it('turns not ready when every host is down, with the reason, and ready again after', async () => {
		sims = await startSims(1);
		const [only] = sims as [OllamaSim];
		pool = await startPool({ settings: settingsFor(sims) });
		await only.setBehavior({ fault: 'refuse' });
		await pool.checkHealth();
		const down = await pool.health();
		expect(down.ready).toBe(false);
		expect(down.hosts[0]?.alive).toBe(false);
		expect(down.hosts[0]?.error).toMatch(/ECONNREFUSED|fetch failed/);
		await only.setBehavior({ fault: 'none' });
		await pool.checkHealth();
		expect((await pool.health()).ready).toBe(true);
	});

	it('warms each role model up on start so the first request is not cold', async () => {
		sims = await startSims(1, { preloaded: false, loadMs: 300 });
		const [cold] = sims as [OllamaSim];
		pool = await startPool({ settings: settingsFor(sims), warmUp: true });
		const target = pool;
		await waitFor(async () => (await target.health()).roles.chat?.warmHosts.length === 1, 'the model to be warmed up', 5000);
		expect(cold.stats().loads).toBe(1);
		const result = await pool.generate({ prompt: 'first question', useCache: false });
		expect(result.host).toBe(cold.url);
		expect(cold.stats().loads).toBe(1);
	});
});

describe('metrics', () => {
	it('feeds Prometheus series by host and model', async () => {
		sims = await startSims(1);
		const registry = new Registry();
		pool = await startPool({ settings: settingsFor(sims), metrics: [createPrometheusLlmMetrics(registry)] });
		await pool.generate({ prompt: 'count me', useCache: false });
		const text = await registry.metrics();
		expect(text).toContain(`charbot_llm_requests_total{role="chat",model="${model}",outcome="ok",source="upstream"} 1`);
		expect(text).toContain(`charbot_llm_host_attempts_total{host="${sims[0]?.url}",model="${model}",outcome="ok"} 1`);
		expect(text).toMatch(/charbot_llm_tokens_total\{host="[^"]+",model="[^"]+",kind="generated"\} [1-9]/);
	});
});

describe('simulated hosts', () => {
	it('refuses the Ollama simulator unless simulated parts are allowed, and says why', async () => {
		sims = await startSims(1);
		pool = await startPool({ settings: settingsFor(sims), allowSimulated: false });
		const health = await pool.health();
		expect(health.ready).toBe(false);
		expect(health.hosts[0]?.error).toMatch(/Ollama simulator; it is accepted only with ALLOW_SIMULATED_PARTS=true/);
		await expect(pool.generate({ prompt: 'anyone?', useCache: false, timeoutMs: 300 })).rejects.toMatchObject({ code: 'no-host-available' });
	});
});
