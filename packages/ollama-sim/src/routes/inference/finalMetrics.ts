import type { Delivery } from './Delivery.js';
import type { ReplyMetrics } from './renderChunk.js';

/** The final chunk's counts and durations for a delivery that sent `evalCount` tokens, measured now. */
export function finalMetrics(delivery: Delivery, evalCount: number): ReplyMetrics {
	return {
		doneReason: delivery.reply.doneReason,
		totalMs: performance.now() - delivery.arrivedAt,
		loadMs: delivery.loadMs,
		promptTokens: delivery.reply.promptTokens,
		promptEvalMs: delivery.promptEvalMs,
		evalCount,
		evalMs: evalCount * delivery.intervalMs,
	};
}
