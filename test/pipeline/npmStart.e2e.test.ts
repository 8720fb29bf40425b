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
			env: { PATH: process.env.PATH, HOME: process.env.HOME, EMULATOR_PORT: '0', OLLAMA_BASE_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		launcher.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		launcher.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
	});

	afterAll(async () => {
		await browser?.close();
		if (launcher && launcher.exitCode === null) launcher.kill('SIGKILL');
	});

	it('prints the playground URL; a person writes "Peter, what\'s up?" there and Peter answers; Ctrl-C stops everything', async () => {
		const text = () => output.join('');
		await waitFor(() => /Playground: (http:\/\/\S+)/.test(text()), 'the playground URL', 60_000).catch((error: Error) => {
			throw new Error(`${error.message}\n${text().slice(-4000)}`);
		});
		expect(text()).toContain('Discord is EMULATED');
		expect(text()).toContain('Ollama is SIMULATED');
		const url = /Playground: (http:\/\/\S+)/.exec(text())?.[1] ?? '';
		// The page works at once; a reply needs the apps, so wait until each says it is ready, as a person would see.
		const healthUrls = [...text().matchAll(/health at (http:\/\/\S+\/readyz)/g)].map((match) => match[1] as string);
		expect(healthUrls).toHaveLength(3);
		await waitFor(
			async () =>
				(
					await Promise.all(
						healthUrls.map((health) =>
							fetch(health).then(
								(response) => response.status === 200,
								() => false,
							),
						),
					)
				).every(Boolean),
			'every app to be ready',
			60_000,
		).catch((error: Error) => {
			throw new Error(`${error.message}\n${text().slice(-4000)}`);
		});
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
		expect(await reply.first().textContent()).toContain('[simulated: no real model is running]');
		mkdirSync(resolveFromRoot('test-artifacts'), { recursive: true });
		await page.screenshot({ path: resolveFromRoot('test-artifacts/npm-start-playground.png') });

		const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
		launcher.kill('SIGINT');
		expect(await exited).toBe(0);
	});
});
