import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolveFromRoot } from '@charbot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareMachineEnv } from './npmStartInTerminal.js';

let taken: Server;
let port: number;

beforeAll(async () => {
	// Another `npm start` holding the emulator's port, as far as this one can tell.
	taken = createServer();
	await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
	port = (taken.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

describe('npm start when its port is taken', () => {
	it('says in one line which setting moves it, exits non-zero and leaves nothing running', async () => {
		const child = spawn('npm', ['start', '--silent'], {
			cwd: resolveFromRoot('.'),
			env: { ...bareMachineEnv, EMULATOR_PORT: String(port) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const out: string[] = [];
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => out.push(chunk.toString()));
		const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
		const text = out.join('');
		expect(code, text).not.toBe(0);
		// Piped, so one JSON object a line, and no stack trace anywhere.
		const entries = text
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => JSON.parse(line) as { level: number; name: string; msg: string });
		const fatal = entries.filter((entry) => entry.level === 60);
		expect(fatal).toHaveLength(1);
		expect(fatal[0]?.msg).toBe(
			`charbot could not start: port ${port} is in use, so the Discord emulator cannot start: is another \`npm start\` running? Stop it, or run this one on another port: EMULATOR_PORT=${port + 1} npm start (EMULATOR_PORT=0 picks a free one).`,
		);
		expect(text).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
		// The private Redis started before the emulator was stopped and its data removed.
		const redisDir = /data in (\S+), removed on exit/.exec(text)?.[1] ?? '';
		expect(redisDir).not.toBe('');
		expect(existsSync(redisDir)).toBe(false);
	}, 60_000);
});
