import { type ChildProcess, spawn } from 'node:child_process';
import { resolveFromRoot } from '@charbot/core';
import { findFreePort, waitFor } from '@charbot/testkit';
import { describe, expect, it } from 'vitest';

interface Started {
	readonly child: ChildProcess;
	readonly port: number;
	readonly stdout: () => string;
	readonly stderr: () => string;
	readonly exited: Promise<number | null>;
}

async function startFixture(mode: string, env: Record<string, string> = {}): Promise<Started> {
	const port = await findFreePort();
	const child = spawn(process.execPath, ['--import', 'tsx', resolveFromRoot('test/foundation/runServiceChild.ts'), mode], {
		cwd: resolveFromRoot('.'),
		env: {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? '',
			NODE_ENV: 'test',
			LOG_FORMAT: 'json',
			HEALTH_HOST: '127.0.0.1',
			HEALTH_PORT: String(port),
			...env,
		},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { child, port, stdout: () => stdout, stderr: () => stderr, exited };
}

/** The JSON log lines written so far. */
function logLines(output: string): { level: number; msg: string; [field: string]: unknown }[] {
	return output
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as { level: number; msg: string });
}

async function readiness(port: number): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`http://127.0.0.1:${port}/readyz`);
	return { status: response.status, body: await response.json() };
}

function stopped(started: Started): void {
	if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
}

describe('runService', () => {
	it('answers /healthz while starting, turns ready with the service checks, and on SIGTERM drains in order and exits 0', async () => {
		const fixture = await startFixture('ok');
		try {
			await waitFor(() => fixture.stdout().includes('health server listening on'), 'the health server', 15_000);
			expect((await fetch(`http://127.0.0.1:${fixture.port}/healthz`)).status).toBe(200);
			expect(await readiness(fixture.port)).toEqual({
				status: 503,
				body: { status: 'not ready', checks: { start: { ok: false, detail: 'the fixture is still starting' } } },
			});

			fixture.child.stdin?.write('go\n');
			await waitFor(() => fixture.stdout().includes('fixture is running'), 'the fixture to start');
			expect(await readiness(fixture.port)).toEqual({ status: 200, body: { status: 'ready', checks: { fixture: { ok: true, detail: 'fixture works' } } } });

			fixture.child.kill('SIGTERM');
			expect(await fixture.exited).toBe(0);
			// By time, not by position: pino's flush at exit can print an earlier line after the last one.
			const messages = logLines(fixture.stdout())
				.sort((first, second) => Number(first.time) - Number(second.time))
				.map((line) => line.msg);
			const closing = logLines(fixture.stdout()).find((line) => line.msg === 'fixture closing');
			// Not ready before the service closes, and the health server still open while it does.
			expect(closing?.status).toBe(503);
			expect(messages.slice(messages.indexOf('shutting down: SIGTERM'))).toEqual(['shutting down: SIGTERM', 'fixture closing', 'shutdown complete']);
			await expect(fetch(`http://127.0.0.1:${fixture.port}/healthz`)).rejects.toThrow();
		} finally {
			stopped(fixture);
		}
	});

	it('exits 1 with one line naming a bad setting, before anything starts', async () => {
		const fixture = await startFixture('ok', { SHUTDOWN_TIMEOUT: 'soon' });
		try {
			expect(await fixture.exited).toBe(1);
			expect(fixture.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: SHUTDOWN_TIMEOUT: .*"soon"/)]);
			expect(fixture.stdout()).toBe('');
		} finally {
			stopped(fixture);
		}
	});

	it('reports a failed start as one fatal line and exits 1', async () => {
		const fixture = await startFixture('fail');
		try {
			expect(await fixture.exited).toBe(1);
			const fatal = logLines(fixture.stdout()).filter((line) => line.level === 60);
			expect(fatal.map((line) => line.msg)).toEqual(['fixture could not start: the database is on fire']);
			// An unexpected failure keeps its stack, inside the one line.
			expect(JSON.stringify(fatal[0]?.err)).toContain('runServiceChild.ts');
			expect(fixture.stderr()).toBe('');
		} finally {
			stopped(fixture);
		}
	});

	it('reports a setting refused during the start as one line without a stack', async () => {
		const fixture = await startFixture('refuse');
		try {
			expect(await fixture.exited).toBe(1);
			const fatal = logLines(fixture.stdout()).filter((line) => line.level === 60);
			expect(fatal).toEqual([
				expect.objectContaining({
					msg: 'fixture could not start: Invalid configuration: FIXTURE_SETTING: is refused by the fixture. Example: FIXTURE_SETTING=yes',
				}),
			]);
			expect(fatal[0]).not.toHaveProperty('err');
		} finally {
			stopped(fixture);
		}
	});

	it('logs a rejection nobody handled and keeps running', async () => {
		const fixture = await startFixture('reject');
		try {
			await waitFor(() => fixture.stdout().includes('unhandled rejection'), 'the rejection to be logged', 15_000);
			const logged = logLines(fixture.stdout()).find((line) => line.msg === 'unhandled rejection');
			expect(logged).toMatchObject({ level: 50, err: { message: 'a promise nobody awaited' } });
			expect((await readiness(fixture.port)).status).toBe(200);
			fixture.child.kill('SIGTERM');
			expect(await fixture.exited).toBe(0);
		} finally {
			stopped(fixture);
		}
	});

	it('logs an uncaught exception as one fatal line and exits 1', async () => {
		const fixture = await startFixture('throw');
		try {
			expect(await fixture.exited).toBe(1);
			const fatal = logLines(fixture.stdout()).filter((line) => line.level === 60);
			expect(fatal.map((line) => line.msg)).toEqual(['uncaught exception: a throw nobody caught']);
		} finally {
			stopped(fixture);
		}
	});
});
