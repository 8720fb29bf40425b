import { spawn } from 'node:child_process';
import { resolveFromRoot } from '@charbot/core';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandData } from '../../apps/gateway/src/commands/allCommands.js';

let emulator: DiscordEmulator;

beforeAll(async () => {
	emulator = await startDiscordEmulator({ heartbeatIntervalMs: 1000 });
});
afterAll(async () => {
	await emulator?.close();
});

/** Runs `npm run commands:deploy`'s entry as a process, as the root script does. */
function deploy(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', resolveFromRoot('apps/gateway/src/commands/deployCommands.ts'), ...args], {
		cwd: resolveFromRoot('.'),
		env: {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			NODE_ENV: 'test',
			LOG_FORMAT: 'json',
			DISCORD_TOKEN: emulator.token,
			DISCORD_API_URL: emulator.apiUrl,
			ALLOW_SIMULATED_PARTS: 'true',
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const output: string[] = [];
	child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output: output.join('') })));
}

const puts = (label: string) => emulator.control.stats().rest.requestsByRoute[label] ?? 0;

describe('npm run commands:deploy', () => {
	it('registers the commands globally, announcing the emulator, and skips an unchanged second run', async () => {
		const first = await deploy([]);
		expect(first.code, first.output).toBe(0);
		expect(first.output).toContain('DISCORD IS EMULATED');
		expect(first.output).toContain('registered 8 slash commands globally');
		expect(first.output).not.toContain(emulator.token);
		expect(
			emulator.control
				.commands()
				.map((command) => command.name)
				.sort(),
		).toEqual(
			commandData()
				.map((command) => command.name)
				.sort(),
		);
		const second = await deploy([]);
		expect(second.output).toContain('the 8 slash commands globally were already up to date');
		expect(puts('PUT /applications/:applicationId/commands')).toBe(1);
	});

	it('registers in one guild for development, and --force overwrites anyway', async () => {
		const guildId = emulator.seed?.guildId ?? '';
		const result = await deploy(['--guild', guildId]);
		expect(result.output).toContain(`registered 8 slash commands in guild ${guildId}`);
		expect(emulator.control.commands(guildId).filter((command) => command.guildId === guildId)).toHaveLength(8);
		await deploy(['--guild', guildId, '--force']);
		expect(puts('PUT /applications/:applicationId/guilds/:guildId/commands')).toBe(2);
	});

	it('refuses the emulator unless simulated parts are allowed, and a bad argument, with a clear message', async () => {
		const refused = await deploy([], { ALLOW_SIMULATED_PARTS: 'false' });
		expect(refused.code).toBe(1);
		expect(refused.output).toMatch(/ALLOW_SIMULATED_PARTS: must be true to register commands with the Discord emulator/);
		const bad = await deploy(['--guild', 'general']);
		expect(bad.code).toBe(2);
		expect(bad.output).toMatch(/--guild needs a server id/);
	});
});
