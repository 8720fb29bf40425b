import type { DeliveryHooks } from './DeliveryHooks.js';

/** One set of hooks that calls each of `hooks` in turn (e.g. the in-process counters and the guild stats). */
export function combineDeliveryHooks(...hooks: readonly DeliveryHooks[]): DeliveryHooks {
	return {
		onDelivery: (record) => {
			for (const hook of hooks) hook.onDelivery?.(record);
		},
	};
}
