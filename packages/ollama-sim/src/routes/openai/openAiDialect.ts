import type { ServerResponse } from 'node:http';
import { imageInputUnsupportedMessage } from '../../images/imageInputUnsupported.js';
import type { InferenceDialect } from '../inference/InferenceDialect.js';
import type { InferenceRefusal } from '../inference/InferenceRefusal.js';
import { OpenAiError } from './OpenAiError.js';
import { openAiReplyWire } from './openAiReplyWire.js';
import { sendOpenAiError } from './sendOpenAiError.js';
import { sendOpenAiRateLimit } from './sendOpenAiRateLimit.js';

/** Settings of one `/v1` request's dialect. */
export interface OpenAiDialectSettings {
	/** `truncate` as Ollama's `/v1` does, `refuse` as vLLM does. */
	readonly longPrompts: 'truncate' | 'refuse';
	readonly includeUsage: boolean;
	/** The `Retry-After` of a queue-full 429. */
	readonly retryAfterSeconds: number;
}

/** The OpenAI-compatible `/v1/chat/completions`: OpenAI's error shapes and statuses, and its JSON and SSE replies. */
export function openAiDialect(settings: OpenAiDialectSettings): InferenceDialect {
	return {
		api: 'openai',
		longPrompts: settings.longPrompts,
		refuse: (response, refusal) => refuse(response, refusal, settings.retryAfterSeconds),
		wire: (request) => openAiReplyWire(request.model, settings.includeUsage),
	};
}

function refuse(response: ServerResponse, refusal: InferenceRefusal, retryAfterSeconds: number): void {
	switch (refusal.reason) {
		case 'model-not-found':
			return sendOpenAiError(
				response,
				new OpenAiError(404, `The model \`${refusal.model}\` does not exist.`, 'invalid_request_error', 'model_not_found', 'model'),
			);
		case 'not-a-completion-model':
			return sendOpenAiError(
				response,
				new OpenAiError(400, `"${refusal.model}" does not support chat`, 'invalid_request_error', 'model_not_supported', 'model'),
			);
		case 'thinking-unsupported':
			return sendOpenAiError(response, new OpenAiError(400, `"${refusal.model}" does not support thinking`, 'invalid_request_error'));
		case 'queue-full':
			// A full queue on an OpenAI-style host reads as a rate limit, which clients back off from.
			return sendOpenAiRateLimit(response, retryAfterSeconds, refusal.message);
		case 'image-input-unsupported':
			return sendOpenAiError(response, new OpenAiError(500, imageInputUnsupportedMessage, 'server_error'));
		case 'context-length-exceeded': {
			const requested = refusal.promptTokens + refusal.completionTokens;
			const message =
				`This model's maximum context length is ${refusal.contextLength} tokens. However, you requested ${requested} tokens ` +
				`(${refusal.promptTokens} in the messages, ${refusal.completionTokens} in the completion). Please reduce the length of the messages or completion.`;
			return sendOpenAiError(response, new OpenAiError(400, message, 'invalid_request_error', 'context_length_exceeded', 'messages'));
		}
	}
}
