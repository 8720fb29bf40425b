import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolveFromRoot } from '@charbot/core';
import { waitFor } from '@charbot/testkit';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const chromiumPath = '/usr/bin/chromium';

describe('npm start on a bare machine', () => {
	let launcher: ChildProcess;
	let browser: Browser;
	const output: string[] = [];

	beforeAll(async () => {
		if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing. Install it with: apt-get update && apt-get install -y chromium`);
		// The environment of a fresh machine: no Redis, no Discord token, no Ollama.
		launcher = spawn(process.execPath, ['--import', 'tsx', resolveFromRoot('apps/launcher/src/main.ts')], {
			cwd: resolveFromRoot('.'),
			// No LOG_FORMAT: with its output piped, `auto` must give one JSON object a line.
			env: { PATH: process.env.PATH, HOME: process.env.HOME, EMULATOR_PORT: '0', OLLAMA_BASE_URL: 'http://127.0.0.1:9' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		launcher.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		launcher.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
	});

	afterAll(async () => {
		await browser?.close();
		if (!launcher || launcher.exitCode !== null || launcher.signalCode !== null) return;
		// A failed test leaves it running: a second signal past the same-press window makes the launcher kill what it
		// started (its Redis has its own process group and would outlive a SIGKILL of the launcher).
		const exited = new Promise((resolve) => launcher.once('exit', resolve));
		launcher.kill('SIGINT');
		await new Promise((resolve) => setTimeout(resolve, 1200));
		if (launcher.exitCode === null) launcher.kill('SIGINT');
		const timer = setTimeout(() => launcher.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(timer);
	});

	it('prints the playground URL; a person writes "Peter, what\'s up?" there and Peter answers; Ctrl-C stops everything', async () => {
		const text = () => output.join('');
		const entries = () =>
			text()
				.split('\n')
				.filter((line) => line.trim() !== '')
				.map((line) => JSON.parse(line) as { level: number; name: string; msg: string; playground?: string; readyz?: string; simulated?: string[] });
		await waitFor(() => entries().some((entry) => entry.msg.startsWith('charbot is ready')), 'the ready line', 60_000).catch((error: Error) => {
			throw new Error(`${error.message}\n${text().slice(-4000)}`);
		});
		const ready = entries().find((entry) => entry.msg.startsWith('charbot is ready'));
		expect(ready).toMatchObject({ name: 'launcher', simulated: ['Discord', 'Ollama'] });
		expect(entries().map((entry) => entry.msg)).toEqual(
			expect.arrayContaining([expect.stringContaining('Discord is EMULATED'), expect.stringContaining('model hosts are SIMULATED')]),
		);
		const url = ready?.playground ?? '';
		// The ready line comes on the real signal: by then every app's /readyz answers 200, so a reply can come.
		const healthUrls = entries().flatMap((entry) => (entry.readyz ? [entry.readyz] : []));
		expect(healthUrls).toHaveLength(4);
		expect(await Promise.all(healthUrls.map((health) => fetch(health).then((response) => response.status)))).toEqual([200, 200, 200, 200]);
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		page.setDefaultTimeout(60_000);
		await page.goto(url);
		await page.locator('[data-channel-name="general"].active').waitFor();
		await page.locator('#connection-state', { hasText: 'live' }).waitFor();
		await page.selectOption('#author-select', { label: 'Bob' });
		await page.fill('#message-input', "Peter, what's up?");
		await page.press('#message-input', 'Enter');
		const reply = page.locator('.message[data-author="Peter Griffin"] .content');
		await reply
			.first()
			.waitFor({ timeout: 90_000 })
			.catch((error: Error) => {
				throw new Error(`${error.message}\n${text().slice(-4000)}`);
			});
		// How a simulated reply is marked belongs to the simulated replies' own tests; here, that Peter answered at all.
		expect((await reply.first().textContent())?.trim()).not.toBe('');
		mkdirSync(resolveFromRoot('test-artifacts'), { recursive: true });
		await page.screenshot({ path: resolveFromRoot('test-artifacts/npm-start-playground.png') });

		const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
		launcher.kill('SIGINT');
		expect(await exited).toBe(0);
		for (const app of ['gateway', 'message-router', 'quality-control', 'delivery']) {
			expect(
				entries()
					.filter((entry) => entry.name === app && entry.msg.startsWith('shutting down'))
					.map((entry) => entry.msg),
			).toEqual(['shutting down: SIGTERM']);
		}
	});
});
