import { sendError, sendJson } from '../../http/sendJson.js';
import { renderFinalChunk, renderTokenLine } from './renderChunk.js';
import type { ReplyWire } from './ReplyWire.js';

/** Ollama's wire: NDJSON chunks, then a final chunk with the metrics; `context` is generate's token-id list, built only at the end. */
export function ollamaReplyWire(kind: 'chat' | 'generate', model: string, context?: () => number[]): ReplyWire {
	const modelJson = JSON.stringify(model);
	return {
		streamHeaders: { 'content-type': 'application/x-ndjson' },
		streamOpening: '',
		streamTokens: (tokens, from, to) => {
			const createdAt = new Date().toISOString();
			let lines = '';
			for (let index = from; index < to; index += 1) lines += renderTokenLine(kind, modelJson, createdAt, tokens[index] ?? '');
			return lines;
		},
		streamEnd: (metrics) => `${JSON.stringify(renderFinalChunk(kind, model, '', metrics, context?.()))}\n`,
		streamFailure: (message) => `${JSON.stringify({ error: message })}\n`,
		sendWhole: (response, text, metrics) => sendJson(response, 200, renderFinalChunk(kind, model, text, metrics, context?.())),
		sendFailure: (response, status, message) => sendError(response, status, message),
	};
}
