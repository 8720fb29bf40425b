// NODE_ENV=production never runs on the Ollama simulator or the Discord emulator, whatever ALLOW_SIMULATED_PARTS
// says: each app, started as a real process next to a real simulator or emulator, exits 1 with one line naming the
// setting, before it asks the simulated part for anything but who it is.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createLogger, loadConfig, resolveFromRoot } from '@charbot/core';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { createConfiguredPool } from '@charbot/llm';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { findFreePort, type RedisServer, startRedisServer, uniquePrefix } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformApps } from '../../apps/launcher/src/PlatformApps.js';

const model = 'llama3.2:1b';
const adminToken = 'production-admin-token-0123456789';
/** Quality control needs its webhook-token key in production; a real one, so only the simulated part is refused. */
const webhookTokenKey = randomBytes(32).toString('base64');

let redis: RedisServer;
let sim: OllamaSim;
let emulator: DiscordEmulator;

beforeAll(async () => {
	[redis, sim, emulator] = await Promise.all([
		startRedisServer(),
		startOllamaSim({ name: 'production-refusal', models: [model], preloaded: true }),
		startDiscordEmulator({ heartbeatIntervalMs: 1000 }),
	]);
});
afterAll(async () => {
	await Promise.all([sim?.close(), emulator?.close(), redis?.close()]);
});

/** How a started app ended within the time given: it exited, or it was still running (and was killed). */
type Outcome = { readonly exitCode: number | null; readonly output: string; readonly ready: boolean };

const entries: Record<string, string> = {
	'llm-service': 'apps/llm-service/src/main.ts',
	...Object.fromEntries(PlatformApps.map((app) => [app.name, app.entry])),
};

/** Runs an app in production with simulated parts "allowed" until it exits, or for at most 30 s. */
async function runInProduction(app: string, env: Record<string, string>): Promise<Outcome> {
	const port = await findFreePort();
	const flags = PlatformApps.find((candidate) => candidate.name === app)?.nodeFlags ?? [];
	const child = spawn(process.execPath, [...flags, '--import', 'tsx', resolveFromRoot(entries[app] ?? '')], {
		cwd: resolveFromRoot('.'),
		env: {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? '',
			NODE_ENV: 'production',
			ALLOW_SIMULATED_PARTS: 'true',
			LOG_FORMAT: 'json',
			HEALTH_PORT: String(port),
			HEALTH_HOST: '127.0.0.1',
			REDIS_KEY_PREFIX: uniquePrefix('prod'),
			OLLAMA_MODEL: model,
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const deadline = Date.now() + 30_000;
	let ready = false;
	while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
		const answer = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
		// Ready (or just serving) on simulated parts in production is the failure this file is about.
		if (answer?.status === 200) ready = true;
		if (answer !== undefined && !answer.bodyUsed) await answer.body?.cancel();
		if (ready) break;
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 250))]);
	}
	if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	const exitCode = await exited;
	return { exitCode, output, ready };
}

/** Asserts a clean refusal: exit 1, never ready, one line matching `line`, and no stack trace. */
function expectRefusal(outcome: Outcome, line: RegExp): void {
	expect(outcome.ready, `the app became ready on simulated parts in production:\n${outcome.output}`).toBe(false);
	expect(outcome.exitCode, outcome.output).toBe(1);
	const lines = outcome.output.split('\n').filter((text) => line.test(text));
	expect(lines, `no single line says ${line}:\n${outcome.output}`).toHaveLength(1);
	expect(outcome.output, 'a refusal is a sentence, not a stack trace').not.toMatch(/^\s+at /m);
}

const simRefusal = (setting: string) =>
	new RegExp(`${setting}: http://127\\.0\\.0\\.1:\\d+(?:/v1)? is the Ollama simulator.*NODE_ENV=production.*ALLOW_SIMULATED_PARTS`);

/** The simulator was asked who it is, and nothing else: no model listing, no warm-up, no generation. */
function expectOnlyAskedForVersion(before: Record<string, number>): void {
	const asked = Object.entries(sim.stats().requests.byEndpoint).filter(([endpoint, count]) => count !== (before[endpoint] ?? 0));
	expect(asked.map(([endpoint]) => endpoint).filter((endpoint) => endpoint !== '/api/version')).toEqual([]);
}

describe('NODE_ENV=production with ALLOW_SIMULATED_PARTS=true', () => {
	it('the LLM service refuses an Ollama host that is the simulator', async () => {
		const before = { ...sim.stats().requests.byEndpoint };
		const outcome = await runInProduction('llm-service', {
			OLLAMA_BASE_URL: sim.url,
			CACHE_REDIS_URL: redis.url,
			LLM_SERVICE_ADMIN_TOKEN: adminToken,
		});
		expectRefusal(outcome, simRefusal('OLLAMA_BASE_URL'));
		expectOnlyAskedForVersion(before);
	}, 40_000);

	it('the message router refuses an Ollama host that is the simulator', async () => {
		const before = { ...sim.stats().requests.byEndpoint };
		const outcome = await runInProduction('message-router', { OLLAMA_HOSTS: `http://127.0.0.1:9,${sim.url}`, REDIS_URL: redis.url });
		expectRefusal(outcome, simRefusal('OLLAMA_HOSTS'));
		expectOnlyAskedForVersion(before);
	}, 40_000);

	it('the message router refuses an OpenAI-compatible host that is the simulator, asking it only for its models', async () => {
		const openAiSim = await startOllamaSim({ name: 'production-refusal-openai', api: 'openai', models: [model], preloaded: true });
		try {
			const outcome = await runInProduction('message-router', { OLLAMA_HOSTS: `openai+${openAiSim.url}/v1`, REDIS_URL: redis.url });
			expectRefusal(outcome, simRefusal('OLLAMA_HOSTS'));
			expect(Object.keys(openAiSim.stats().requests.byEndpoint)).toEqual(['/v1/models']);
		} finally {
			await openAiSim.close();
		}
	}, 40_000);

	it('quality control refuses an Ollama host that is the simulator, though it opens its judge pool only when needed', async () => {
		const before = { ...sim.stats().requests.byEndpoint };
		// The simulator is the only simulated part; the refusal comes before any connection, so this unused Redis port is
		// never reached.
		const outcome = await runInProduction('quality-control', {
			OLLAMA_BASE_URL: sim.url,
			REDIS_URL: `redis://127.0.0.1:${await findFreePort()}`,
		});
		expectRefusal(outcome, simRefusal('OLLAMA_BASE_URL'));
		expectOnlyAskedForVersion(before);
	}, 40_000);

	it('delivery refuses the Discord emulator', async () => {
		const before = emulator.control.stats().rest.totalRequests;
		const outcome = await runInProduction('delivery', {
			REDIS_URL: redis.url,
			DISCORD_TOKEN: emulator.token,
			DISCORD_API_URL: emulator.apiUrl,
			WEBHOOK_TOKEN_KEY: webhookTokenKey,
		});
		expectRefusal(outcome, /DISCORD_API_URL=http:\/\/127\.0\.0\.1:\d+\/api points at a Discord emulator.*production/);
		expect(emulator.control.stats().rest.totalRequests).toBe(before);
	}, 40_000);

	it('the gateway refuses the Discord emulator', async () => {
		const before = emulator.control.stats().gateway.identifies;
		const outcome = await runInProduction('gateway', {
			REDIS_URL: redis.url,
			DISCORD_TOKEN: emulator.token,
			DISCORD_API_URL: emulator.apiUrl,
		});
		expectRefusal(outcome, /DISCORD_API_URL: must be unset when NODE_ENV=production/);
		expect(emulator.control.stats().gateway.identifies).toBe(before);
	}, 40_000);
});

describe('a pool built in production', () => {
	it('refuses a host that turns out to be the simulator only after the start, as not alive, whatever ALLOW_SIMULATED_PARTS says', async () => {
		const port = await findFreePort();
		const config = loadConfig({
			NODE_ENV: 'production',
			ALLOW_SIMULATED_PARTS: 'true',
			OLLAMA_BASE_URL: `http://127.0.0.1:${port}`,
			OLLAMA_MODEL: model,
			HEALTH_PORT: '0',
		});
		// Nothing answers at the start, so there is nothing to refuse yet and the pool starts.
		const configured = await createConfiguredPool(config, createLogger({ name: 'test', level: 'silent', format: 'json' }));
		const late = await startOllamaSim({ name: 'late', port, models: [model], preloaded: true });
		try {
			await configured.pool.checkHealth();
			const [host] = (await configured.pool.health()).hosts;
			expect(host).toMatchObject({ alive: false, error: expect.stringContaining('this host is the Ollama simulator') });
			expect(configured.pool.canServe()).toBe(false);
			expect(late.stats().requests.byEndpoint['/api/chat'] ?? 0).toBe(0);
		} finally {
			await configured.close();
			await late.close();
		}
	});
});
