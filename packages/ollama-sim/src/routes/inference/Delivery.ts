import type { ComposedReply } from './composeReply.js';
import type { ReplyWire } from './ReplyWire.js';

/** Everything needed to send one reply, streamed or whole. */
export interface Delivery {
	/** How the reply is written: Ollama's or OpenAI's format. */
	readonly wire: ReplyWire;
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
	/** Called exactly once when the reply is over, however it ended, with the tokens sent. */
	readonly onEnd: (tokensSent: number) => void;
}

/** Where a fault strikes: after about a third of the tokens, at least one. */
export function faultTokenIndex(total: number): number {
	return Math.max(1, Math.floor(total / 3));
}
