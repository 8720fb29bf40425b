import type { GenerateResult } from '@charbot/llm';
import { splitReplyText } from './splitReplyText.js';

/** Which Ollama endpoint a reply is for: chat replies carry `message`, generate replies `response`. */
export type OllamaEndpoint = 'chat' | 'generate';

/** The objects of an Ollama reply: each streamed chunk, and the whole reply for `stream: false`. */
export interface OllamaReply {
	readonly chunks: readonly Record<string, unknown>[];
	readonly whole: Record<string, unknown>;
}

/**
 * Renders a pool result as Ollama does. The pool returns whole texts, so a stream replays the text in
 * word-sized chunks. The pool doesn't report Ollama's split of the time, so `total_duration` and
 * `eval_duration` both hold the time the service took, in nanoseconds.
 */
export function renderOllamaReply(endpoint: OllamaEndpoint, result: GenerateResult, createdAt: Date): OllamaReply {
	const head = { model: result.model, created_at: createdAt.toISOString() };
	const body = (text: string) => (endpoint === 'chat' ? { message: { role: 'assistant', content: text } } : { response: text });
	const durationNs = Math.round(result.generationTimeMs * 1e6);
	const final = {
		done: true,
		done_reason: result.doneReason,
		total_duration: durationNs,
		...(result.promptTokens > 0 ? { prompt_eval_count: result.promptTokens } : {}),
		...(result.evalTokens > 0 ? { eval_count: result.evalTokens, eval_duration: durationNs } : {}),
	};
	return {
		chunks: [...splitReplyText(result.text).map((piece) => ({ ...head, ...body(piece), done: false })), { ...head, ...body(''), ...final }],
		whole: { ...head, ...body(result.text), ...final },
	};
}
