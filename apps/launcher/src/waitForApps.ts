import { z } from 'zod';

/** An app and the `/readyz` URL of its health server. */
export interface AppHealth {
	readonly name: string;
	readonly readyUrl: string;
}

/** Options of {@link waitForApps}. */
export interface WaitForAppsOptions {
	readonly apps: readonly AppHealth[];
	/** Stops waiting (the platform is stopping); the promise then resolves `false`. */
	readonly signal: AbortSignal;
	/** Called with what the apps still waiting report, after `slowAfterMs` and then every `slowAfterMs`. */
	readonly onSlow: (waiting: readonly { name: string; reason: string }[]) => void;
	readonly intervalMs?: number;
	readonly slowAfterMs?: number;
}

const readyzBody = z.object({ checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })).optional() });

/** Resolves `true` once every app's `/readyz` has answered 200 (each app is asked until it has, then no more). */
export async function waitForApps(options: WaitForAppsOptions): Promise<boolean> {
	const intervalMs = options.intervalMs ?? 250;
	const slowAfterMs = options.slowAfterMs ?? 20_000;
	const waiting = new Map(options.apps.map((app) => [app.name, { app, reason: 'not answering yet' }]));
	let nextSlowReport = Date.now() + slowAfterMs;
	while (waiting.size > 0) {
		if (options.signal.aborted) return false;
		await Promise.all(
			[...waiting.values()].map(async (entry) => {
				const answer = await askReady(entry.app.readyUrl, options.signal);
				if (answer.ready) waiting.delete(entry.app.name);
				else entry.reason = answer.reason;
			}),
		);
		if (waiting.size === 0) break;
		if (Date.now() >= nextSlowReport) {
			options.onSlow([...waiting.values()].map((entry) => ({ name: entry.app.name, reason: entry.reason })));
			nextSlowReport = Date.now() + slowAfterMs;
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	return !options.signal.aborted;
}

async function askReady(url: string, signal: AbortSignal): Promise<{ ready: boolean; reason: string }> {
	try {
		const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(3000)]) });
		if (response.status === 200) return { ready: true, reason: '' };
		const body = readyzBody.safeParse(await response.json().catch(() => undefined));
		const failing = Object.entries(body.data?.checks ?? {}).filter(([, check]) => !check.ok);
		return { ready: false, reason: failing.map(([name, check]) => `${name}: ${check.detail ?? 'failing'}`).join('; ') || `HTTP ${response.status}` };
	} catch {
		// Not listening yet while the app loads: that is the state being waited out, not a fault.
		return { ready: false, reason: 'not answering yet' };
	}
}
