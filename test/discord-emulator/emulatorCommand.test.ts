import { type ChildProcess, spawn } from 'node:child_process';
import { resolveFromRoot } from '@charbot/core';
import { waitFor } from '@charbot/testkit';
import { afterEach, describe, expect, it } from 'vitest';

const bin = resolveFromRoot('packages/discord-emulator/bin/discord-emulator.ts');

/** Starts `npm run emulator`'s script on a free port; resolves with its output once it printed its API URL. */
async function startCommand(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string; apiUrl: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', bin, '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await waitFor(() => /API URL:\s+(\S+)/.test(output) || child.exitCode !== null, 'the emulator to print its API URL', 20_000);
	const apiUrl = /API URL:\s+(\S+)/.exec(output)?.[1];
	if (apiUrl === undefined) throw new Error(`the emulator did not start: ${output}`);
	return { child, output: () => output, apiUrl };
}

const me = (apiUrl: string, token: string) => fetch(`${apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${token}` } });

describe('npm run emulator', () => {
	let running: ChildProcess | undefined;
	afterEach(() => {
		running?.kill('SIGTERM');
		running = undefined;
	});

	it('accepts the bot token given in EMULATOR_BOT_TOKEN, refuses another, and never prints it', async () => {
		const token = 'given.token-for_the.compose-stack';
		const started = await startCommand({ EMULATOR_BOT_TOKEN: token });
		running = started.child;
		expect((await me(started.apiUrl, token)).status).toBe(200);
		expect((await me(started.apiUrl, 'another.token')).status).toBe(401);
		expect(started.output()).not.toContain(token);
		expect(started.output()).toContain('(EMULATOR_BOT_TOKEN, not shown)');
	});

	it('refuses a malformed EMULATOR_BOT_TOKEN without echoing it', async () => {
		const child = spawn(process.execPath, ['--import', 'tsx', bin, '--port', '0'], {
			env: { ...process.env, EMULATOR_BOT_TOKEN: 'not a token!' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
		expect(code).toBe(2);
		expect(output).toContain('EMULATOR_BOT_TOKEN must be a bot token');
		expect(output).not.toContain('not a token!');
	});
});
