import { type ChildProcess, spawn } from 'node:child_process';
import { ConfigError, createLogger, loadConfig, repoRoot, startHealthServer } from '@charbot/core';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../apps/gateway/src/startGateway.js';

describe('starting and stopping the gateway', () => {
	let redis: RedisServer;
	let emulator: DiscordEmulator;

	beforeAll(async () => {
		[redis, emulator] = await Promise.all([startRedisServer(), startDiscordEmulator({ heartbeatIntervalMs: 1000 })]);
	});

	afterAll(async () => {
		await emulator?.close();
		await redis?.close();
	});

	const env = (extra: Record<string, string> = {}) => ({
		NODE_ENV: 'test',
		REDIS_URL: redis.url,
		REDIS_KEY_PREFIX: uniquePrefix('gw'),
		DISCORD_TOKEN: emulator.token,
		DISCORD_API_URL: emulator.apiUrl,
		ALLOW_SIMULATED_PARTS: 'true',
		...extra,
	});

	const capture = () => {
		const lines: string[] = [];
		return { lines, logger: createLogger({ name: 'gateway', level: 'debug', format: 'json', destination: { write: (line: string) => lines.push(line) } }) };
	};

	it('refuses the emulator unless simulated parts are allowed, before connecting anywhere', async () => {
		const { logger } = capture();
		const identifiesBefore = emulator.control.stats().gateway.identifies;
		const refused = startGateway({ config: loadConfig(env({ ALLOW_SIMULATED_PARTS: 'false' })), logger });
		await expect(refused).rejects.toBeInstanceOf(ConfigError);
		await expect(refused).rejects.toThrow(/ALLOW_SIMULATED_PARTS: must be true to use the Discord emulator/);
		expect(emulator.control.stats().gateway.identifies).toBe(identifiesBefore);
	});

	it('announces loudly that Discord is emulated, serves readiness, and never logs the token', async () => {
		const { lines, logger } = capture();
		const app = await startGateway({ config: loadConfig(env()), logger });
		const health = await startHealthServer({ port: 0, host: '127.0.0.1', checks: app.checks });
		try {
			expect(app.emulated).toBe(true);
			expect(lines.some((line) => line.includes('"level":40') && line.includes('DISCORD IS EMULATED'))).toBe(true);
			const ready = await fetch(`${health.url}/readyz`);
			expect(ready.status).toBe(200);
			expect(await ready.json()).toEqual({ status: 'ready', checks: { discord: { ok: true }, redis: { ok: true } } });

			const posted = emulator.control.postMessage({
				channelId: emulator.seed?.channels.general ?? '',
				authorId: emulator.seed?.users.alice ?? '',
				content: `my token is ${emulator.token}, Peter`,
			});
			await waitFor(() => lines.some((line) => line.includes(`msg-${posted.id}-peter`)), 'the job to be logged');

			await app.stopIntake();
			const stopped = await fetch(`${health.url}/readyz`);
			expect(stopped.status).toBe(503);
			expect(((await stopped.json()) as { checks: Record<string, unknown> }).checks.discord).toEqual({
				ok: false,
				detail: 'the Discord client is not logged in',
			});
		} finally {
			await app.close();
			await health.close();
		}
		expect(lines.join('\n')).not.toContain(emulator.token);
	});

	it('runs as a process: becomes ready, then drains and exits 0 on SIGTERM', async () => {
		const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/gateway/src/main.ts'], {
			cwd: repoRoot(),
			env: { ...process.env, ...env({ HEALTH_PORT: '0', HEALTH_HOST: '127.0.0.1', LOG_FORMAT: 'json', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT: '10' }) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		try {
			await waitFor(() => output.includes('gateway connected as'), 'the gateway process to connect', 20_000);
			const url = /health server listening on (http:\/\/[^"\s]+)/.exec(output)?.[1];
			expect(url).toBeDefined();
			expect((await fetch(`${url}/readyz`)).status).toBe(200);
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
			expect(output).toMatch(/shutdown complete/);
			expect(output).not.toContain(emulator.token);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}, 30_000);
});
