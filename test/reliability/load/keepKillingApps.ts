import type { AppName, PlatformHarness } from '../../pipeline/platformHarness.js';

/** One crash {@link keepKillingApps} caused. */
export interface AppKill {
	readonly app: AppName;
	readonly killedAt: number;
	/** How long the restarted process took to be ready again. */
	readonly restartMs: number;
}

/** A running kill loop; `stop` ends it once the current restart is done and returns every kill. */
export interface KillLoop {
	stop(): Promise<AppKill[]>;
}

/** Options of {@link keepKillingApps}. */
export interface KillLoopOptions {
	/** Killed in turn, one per round. */
	readonly apps: readonly AppName[];
	/** A random pause in [minPauseMs, maxPauseMs] between one app being ready again and the next kill. */
	readonly minPauseMs: number;
	readonly maxPauseMs: number;
}

/** SIGKILLs the apps in turn (a crash: no cleanup), restarting each right after, until stopped. */
export function keepKillingApps(platform: PlatformHarness, options: KillLoopOptions): KillLoop {
	const kills: AppKill[] = [];
	let stopping = false;
	let wake: (() => void) | undefined;
	const pause = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, ms);
			wake = () => {
				clearTimeout(timer);
				resolve();
			};
		});
	const loop = (async () => {
		for (let round = 0; ; round += 1) {
			await pause(options.minPauseMs + Math.random() * (options.maxPauseMs - options.minPauseMs));
			if (stopping) return;
			const app = options.apps[round % options.apps.length] as AppName;
			const killedAt = Date.now();
			await platform.killApp(app);
			await platform.startApp(app);
			kills.push({ app, killedAt, restartMs: Date.now() - killedAt });
		}
	})();
	// Reported by `stop`; this only keeps an early failure from being an unhandled rejection meanwhile.
	loop.catch(() => undefined);
	return {
		stop: async () => {
			stopping = true;
			wake?.();
			await loop;
			return kills;
		},
	};
}
