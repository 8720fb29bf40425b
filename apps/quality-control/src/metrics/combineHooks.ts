import type { QualityControlHooks } from './QualityControlHooks.js';

/** One set of hooks that calls each of `hooks` in turn (e.g. the in-process counters and the guild stats). */
export function combineHooks(...hooks: readonly QualityControlHooks[]): QualityControlHooks {
	return {
		onReview: (record) => {
			for (const hook of hooks) hook.onReview?.(record);
		},
	};
}
