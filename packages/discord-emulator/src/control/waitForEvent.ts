import type { EmulatorEvent } from '../state/EmulatorEvent.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';

/** Resolves with the first value `pick` returns for an event, or rejects with `description` after `timeoutMs`. */
export function waitForEvent<T>(store: EmulatorStore, pick: (event: EmulatorEvent) => T | undefined, timeoutMs: number, description: string): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => {
			unsubscribe();
			reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`));
		}, timeoutMs);
		const unsubscribe = store.subscribe((event) => {
			const value = pick(event);
			if (value === undefined) return;
			clearTimeout(timer);
			unsubscribe();
			resolve(value);
		});
	});
}
