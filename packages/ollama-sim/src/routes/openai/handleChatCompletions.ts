import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimFault } from '../../behavior/SimBehavior.js';
import { BadRequestError } from '../../http/BadRequestError.js';
import { readJsonBody } from '../../http/readJsonBody.js';
import type { SimContext } from '../../SimContext.js';
import { serveInference } from '../inference/serveInference.js';
import { OpenAiError } from './OpenAiError.js';
import { openAiDialect } from './openAiDialect.js';
import { parseChatCompletionRequest } from './parseChatCompletionRequest.js';

/** Serves `POST /v1/chat/completions`: OpenAI's validation, then the same inference path as `/api/chat`. */
export async function handleChatCompletions(request: IncomingMessage, response: ServerResponse, context: SimContext, fault: SimFault): Promise<void> {
	const arrivedAt = performance.now();
	let body: Record<string, unknown>;
	try {
		body = await readJsonBody(request, 'openai.ChatCompletionRequest');
	} catch (error) {
		if (!(error instanceof BadRequestError)) throw error;
		throw new OpenAiError(400, error.message, 'invalid_request_error');
	}
	const parsed = parseChatCompletionRequest(body);
	const dialect = openAiDialect({
		longPrompts: context.options.api === 'openai' ? 'refuse' : 'truncate',
		includeUsage: parsed.includeUsage,
		retryAfterSeconds: context.behavior.retryAfterSeconds,
	});
	await serveInference(parsed.inference, response, context, fault, dialect, arrivedAt);
}
