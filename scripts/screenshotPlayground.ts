import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolveFromRoot } from '@charbot/core';
import { findFreePort } from '@charbot/testkit';
import { chromium } from 'playwright-core';

// Takes docs/playground.png from the real product: `npm start` (emulator, simulator, every app), a short conversation
// with markdown, a mention and a reply, then a character's answer, as a member sees it in the playground.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const output = resolveFromRoot('docs/playground.png');
const startTimeoutMs = 60_000;

interface Seed {
	readonly guildId: string;
	readonly channels: Record<string, string>;
	readonly users: Record<string, string>;
	readonly roles: { readonly moderators: string };
}

async function control<T>(base: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(
		`${base}/_emu${path}`,
		body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
	);
	const json = (await response.json()) as T & { error?: string };
	if (!response.ok) throw new Error(`${path}: ${json.error ?? response.status}`);
	return json;
}

async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
	const deadline = Date.now() + startTimeoutMs;
	while (Date.now() < deadline) {
		if (await check().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`timed out after ${startTimeoutMs} ms waiting for ${what}`);
}

function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	// The launcher runs in its own process group; Ctrl-C is SIGINT to that group.
	process.kill(-child.pid, 'SIGINT');
	const force = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 15_000);
	return exited.finally(() => clearTimeout(force));
}

async function main(): Promise<void> {
	if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing; set CHROMIUM_PATH or install chromium`);
	const port = await findFreePort();
	const base = `http://127.0.0.1:${port}`;
	const log: string[] = [];
	const platform = spawn('npm', ['start'], { cwd: resolveFromRoot('.'), env: { ...process.env, EMULATOR_PORT: String(port) }, detached: true });
	platform.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
	platform.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
	try {
		await waitUntil('the emulator', async () => (await fetch(`${base}/_emu/info`)).ok);
		const { seed } = await control<{ seed: Seed }>(base, '/info');
		await waitUntil('the gateway to register its commands', async () => (await control<unknown[]>(base, `/commands?guildId=${seed.guildId}`)).length > 0);
		const general = seed.channels.general ?? '';
		const post = (author: string, content: string, replyTo?: string) =>
			control<{ id: string }>(base, `/channels/${general}/messages`, { authorId: seed.users[author], content, ...(replyTo ? { replyTo } : {}) });

		const plan = await post(
			'alice',
			`## Friday at the Drunken Clam\nWho's in tonight, <@${seed.users.bob}> and <@${seed.users.carol}>?\n- bowling at **8**\n- ~~karaoke~~ ||never again||`,
		);
		await post('bob', `I'm in! Loser buys the *first* round. Asking <@&${seed.roles.moderators}> to keep \`#general\` tidy.`, plan.id);
		const reply = control<{ author: { displayName: string } }>(base, `/wait/bot-message?channelId=${general}&timeoutMs=30000`);
		await post('alice', 'Peter, are you coming to the Clam tonight?');
		const answer = await reply;

		const browser = await chromium.launch({
			executablePath: chromiumPath,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
		});
		try {
			const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
			await page.goto(`${base}/`);
			await page.locator('#connection-state', { hasText: 'live' }).waitFor();
			await page.locator(`.message[data-author="${answer.author.displayName}"]`).first().waitFor();
			await page.fill('#message-input', 'See you there @e');
			await page.locator('#mention-picker li').first().waitFor();
			await page.screenshot({ path: output });
		} finally {
			await browser.close();
		}
		process.stdout.write(`${output} written (${answer.author.displayName} answered)\n`);
	} catch (error) {
		process.stderr.write(log.join('').slice(-4000));
		throw error;
	} finally {
		await stop(platform);
	}
}

await main();
