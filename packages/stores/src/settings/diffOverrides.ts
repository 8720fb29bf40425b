import type { SettingsOverrides } from './channelSettingsSchema.js';

/** One key whose value differs between two override sets; null stands for "not set at this level". */
export interface OverrideChange {
	readonly key: string;
	readonly before: unknown;
	readonly after: unknown;
}

/** The keys whose values differ between `before` and `after`, `before`'s keys first. */
export function diffOverrides(before: SettingsOverrides, after: SettingsOverrides): OverrideChange[] {
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	return keys.flatMap((key) => {
		const old = (before as Record<string, unknown>)[key] ?? null;
		const next = (after as Record<string, unknown>)[key] ?? null;
		return JSON.stringify(old) === JSON.stringify(next) ? [] : [{ key, before: old, after: next }];
	});
}
