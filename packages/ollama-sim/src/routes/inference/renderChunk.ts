/** The figures of a finished reply, in milliseconds and tokens. */
export interface ReplyMetrics {
	readonly doneReason: string;
	readonly totalMs: number;
	readonly loadMs: number;
	readonly promptTokens: number;
	readonly promptEvalMs: number;
	readonly evalCount: number;
	readonly evalMs: number;
}

/** One streamed token as an NDJSON line, built by hand because thousands go out each second. */
export function renderTokenLine(kind: 'chat' | 'generate', modelJson: string, createdAt: string, piece: string): string {
	const content = JSON.stringify(piece);
	return kind === 'chat'
		? `{"model":${modelJson},"created_at":"${createdAt}","message":{"role":"assistant","content":${content}},"done":false}\n`
		: `{"model":${modelJson},"created_at":"${createdAt}","response":${content},"done":false}\n`;
}

/**
 * The final chunk (streaming) or the whole answer (`stream: false`), fields in Ollama's order. Zero
 * metrics are left out, as Go's `omitempty` leaves them out. `context` is generate's token-id list.
 */
export function renderFinalChunk(
	kind: 'chat' | 'generate',
	model: string,
	content: string,
	metrics: ReplyMetrics,
	context?: number[],
): Record<string, unknown> {
	const ns = (ms: number) => Math.max(0, Math.round(ms * 1e6));
	const figures: Record<string, number> = {
		total_duration: ns(metrics.totalMs),
		load_duration: ns(metrics.loadMs),
		prompt_eval_count: metrics.promptTokens,
		prompt_eval_duration: ns(metrics.promptEvalMs),
		eval_count: metrics.evalCount,
		eval_duration: ns(metrics.evalMs),
	};
	return {
		model,
		created_at: new Date().toISOString(),
		...(kind === 'chat' ? { message: { role: 'assistant', content } } : { response: content }),
		done: true,
		done_reason: metrics.doneReason,
		...(context === undefined ? {} : { context }),
		...Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== 0)),
	};
}

/** The answer to a load (`done_reason: load`) or unload request: no metrics, as Ollama sends it. */
export function renderLoadChunk(kind: 'chat' | 'generate', model: string, reason: 'load' | 'unload'): Record<string, unknown> {
	return {
		model,
		created_at: new Date().toISOString(),
		...(kind === 'chat' ? { message: { role: 'assistant', content: '' } } : { response: '' }),
		done: true,
		done_reason: reason,
	};
}
