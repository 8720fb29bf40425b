import { randomBytes } from 'node:crypto';
import { sendJson } from '../../http/sendJson.js';
import type { ReplyMetrics } from '../inference/renderChunk.js';
import type { ReplyWire } from '../inference/ReplyWire.js';
import { OpenAiError } from './OpenAiError.js';
import { sendOpenAiError } from './sendOpenAiError.js';

/** OpenAI's chat completion wire: one JSON `chat.completion`, or `chat.completion.chunk` server-sent events ending in `[DONE]`. */
export function openAiReplyWire(model: string, includeUsage: boolean): ReplyWire {
	const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
	const created = Math.floor(Date.now() / 1000);
	// Every chunk starts alike; built once because thousands of chunks go out each second.
	const chunkHead = `{"id":"${id}","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"choices":`;
	const event = (choices: string, tail = '') => `data: ${chunkHead}${choices}${tail}}\n\n`;
	const usage = (metrics: ReplyMetrics) => ({
		prompt_tokens: metrics.promptTokens,
		completion_tokens: metrics.evalCount,
		total_tokens: metrics.promptTokens + metrics.evalCount,
	});
	return {
		streamHeaders: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
		streamOpening: event('[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]'),
		streamTokens: (tokens, from, to) => {
			let events = '';
			for (let index = from; index < to; index += 1)
				events += event(`[{"index":0,"delta":{"content":${JSON.stringify(tokens[index] ?? '')}},"logprobs":null,"finish_reason":null}]`);
			return events;
		},
		streamEnd: (metrics) => {
			const finish = event(`[{"index":0,"delta":{},"logprobs":null,"finish_reason":"${metrics.doneReason}"}]`);
			const usageEvent = includeUsage ? event('[]', `,"usage":${JSON.stringify(usage(metrics))}`) : '';
			return `${finish}${usageEvent}data: [DONE]\n\n`;
		},
		streamFailure: (message) => `data: ${JSON.stringify({ error: { message, type: 'server_error', param: null, code: null } })}\n\n`,
		sendWhole: (response, text, metrics) =>
			sendJson(response, 200, {
				id,
				object: 'chat.completion',
				created,
				model,
				choices: [{ index: 0, message: { role: 'assistant', content: text }, logprobs: null, finish_reason: metrics.doneReason }],
				usage: usage(metrics),
			}),
		sendFailure: (response, status, message) => sendOpenAiError(response, new OpenAiError(status, message, 'server_error')),
	};
}
