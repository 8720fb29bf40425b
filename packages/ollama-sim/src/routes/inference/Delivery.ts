import type { ComposedReply } from './composeReply.js';

/** Everything needed to send one reply, streamed or whole. */
export interface Delivery {
	readonly kind: 'chat' | 'generate';
	/** The model as the client spelled it. */
	readonly model: string;
	readonly reply: ComposedReply;
	/** Time to first token minus one token interval: fixed latency plus prompt evaluation (already slowed). */
	readonly promptEvalMs: number;
	/** Milliseconds per generated token (already slowed). */
	readonly intervalMs: number;
	/** `performance.now()` when the request arrived. */
	readonly arrivedAt: number;
	/** Ollama's `load_duration`, in milliseconds. */
	readonly loadMs: number;
	/** A fault to play out part-way through the reply. */
	readonly fault: 'none' | 'midstream' | 'abrupt-close';
	/** Generate's `context` token ids, built only when the reply completes. */
	readonly context?: () => number[];
	/** Called exactly once when the reply is over, however it ended, with the tokens sent. */
	readonly onEnd: (tokensSent: number) => void;
}

/** Where a fault strikes: after about a third of the tokens, at least one. */
export function faultTokenIndex(total: number): number {
	return Math.max(1, Math.floor(total / 3));
}
