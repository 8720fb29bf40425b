import { existsSync, readFileSync } from 'node:fs';
import { waitFor } from '@charbot/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { startNpmInTerminal, type TerminalSession } from './npmStartInTerminal.js';

const apps = ['gateway', 'message-router', 'quality-control', 'delivery'];
const readyLine = /✔ charbot is ready in (\d+\.\d) s: open (http:\/\/\S+), pick a user/;
// Under load the apps take seconds to load; the bounds are for a busy two-core machine, not a fast one.
const startMs = 90_000;

let session: TerminalSession | undefined;
afterEach(async () => {
	await session?.close();
	session = undefined;
});

function readyUrls(plain: string): string[] {
	return [...plain.matchAll(/starting (\S+)\s+readyz=(http:\/\/\S+\/readyz)/g)].map((match) => match[2] as string);
}

function processIds(plain: string): Map<string, number> {
	return new Map([...plain.matchAll(/starting (\S+)\s+readyz=\S+ processId=(\d+)/g)].map((match) => [match[1] as string, Number(match[2])]));
}

function isAlive(pid: number): boolean {
	try {
		// A killed child stays a zombie until something reaps it; it runs no more, so it counts as gone.
		return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

async function expectGone(pids: Iterable<number>): Promise<void> {
	for (const pid of pids) await waitFor(() => !isAlive(pid), `process ${pid} to be gone`, 5000);
}

describe('npm start in a terminal', () => {
	it('shows coloured, readable lines, says once that every app is ready when each is, and one Ctrl-C drains each app once', async () => {
		session = startNpmInTerminal();
		await session.waitForOutput(readyLine, 'the ready line', startMs);
		const plain = session.plain();
		// The line is printed on the real signal: at that moment every app's /readyz already answers 200.
		const urls = readyUrls(plain);
		expect(urls).toHaveLength(apps.length);
		const statuses = await Promise.all(urls.map((url) => fetch(url).then((response) => response.status)));
		expect(statuses).toEqual(apps.map(() => 200));
		const [, seconds, playground] = readyLine.exec(plain) ?? [];
		expect(Number(seconds)).toBeGreaterThan(0);
		expect((await fetch(playground ?? '')).status).toBe(200);
		expect(plain).toMatch(/\(Discord emulated, Ollama simulated\)\. Ctrl-C stops everything\./);
		expect(plain.match(/charbot is ready/g)).toHaveLength(1);
		// Pretty lines from every app: time, app, level, message; in colour; no raw JSON.
		for (const app of apps) expect(plain).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ${app}\\s+INFO  \\S`, 'm'));
		expect(session.text()).toContain('\u001b[32mINFO');
		expect(plain).not.toMatch(/^\{"level"/m);

		session.type('\u0003');
		const started = Date.now();
		const code = await session.exited;
		const stopped = session.plain();
		expect(stopped, stopped.slice(-3000)).toContain('charbot stopped');
		expect(Date.now() - started).toBeLessThan(20_000);
		// Exactly one signal reached each app, so each drained instead of exiting at once.
		for (const app of apps) {
			expect(stopped.match(new RegExp(`^\\S+ ${app}\\s+INFO  shutting down: SIGTERM`, 'gm')), app).toHaveLength(1);
			expect(stopped).toMatch(new RegExp(`^\\S+ ${app}\\s+INFO  shutdown complete`, 'm'));
		}
		expect(stopped).not.toMatch(/again: exiting now|second SIG/);
		// npm re-raises the SIGINT it got after its script ends, as a shell expects: 130.
		expect(code).toBe(130);
		await expectGone(processIds(plain).values());
		const redisDir = /data in (\S+), removed on exit/.exec(plain)?.[1] ?? '';
		expect(existsSync(redisDir)).toBe(false);
	}, 150_000);

	it('a second Ctrl-C stops at once while an app is still draining, and leaves no process behind', async () => {
		session = startNpmInTerminal();
		await session.waitForOutput(readyLine, 'the ready line', startMs);
		const pids = processIds(session.plain());
		expect([...pids.keys()]).toEqual(apps);
		const router = pids.get('message-router') ?? 0;
		// A stopped process cannot finish its drain: the launcher waits for it until a person presses Ctrl-C again.
		process.kill(router, 'SIGSTOP');
		session.type('\u0003');
		await session.waitForOutput(/stopping charbot; each app finishes its work in progress/, 'the first Ctrl-C', 10_000);
		await session.waitForOutput(/quality-control\s+INFO {2}shutdown complete/, 'the other apps to drain', 20_000);
		expect(session.child.exitCode).toBeNull();
		expect(isAlive(router)).toBe(true);

		// Past the window in which npm's forwarded copy of the first Ctrl-C arrives.
		await new Promise((resolve) => setTimeout(resolve, 1200));
		session.type('\u0003');
		const started = Date.now();
		await session.exited;
		expect(Date.now() - started).toBeLessThan(5000);
		expect(session.plain()).toContain('stopping now, without waiting for the apps to finish');
		expect(session.plain()).not.toContain('charbot stopped');
		await expectGone(pids.values());
	}, 150_000);
});
