import type { AppName, PlatformHarness } from '../../pipeline/platformHarness.js';

/** The pid of each of the apps, to show that none restarted across a fault. */
export function appProcessIds(platform: PlatformHarness, names: readonly AppName[]): Record<string, number | undefined> {
	return Object.fromEntries(names.map((name) => [name, platform.apps.get(name)?.child.pid]));
}
