import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimFault } from '../../behavior/SimBehavior.js';
import { readJsonBody } from '../../http/readJsonBody.js';
import { sendError } from '../../http/sendJson.js';
import type { SimContext } from '../../SimContext.js';
import { ollamaDialect } from './ollamaDialect.js';
import { parseInferenceRequest } from './parseInferenceRequest.js';
import { serveInference } from './serveInference.js';

/** Serves `/api/chat` and `/api/generate`: Ollama's validation, then the shared inference path. */
export async function handleInference(
	kind: 'chat' | 'generate',
	request: IncomingMessage,
	response: ServerResponse,
	context: SimContext,
	fault: SimFault,
): Promise<void> {
	const arrivedAt = performance.now();
	const parsed = parseInferenceRequest(kind, await readJsonBody(request, kind === 'chat' ? 'api.ChatRequest' : 'api.GenerateRequest'));
	if (parsed.model === '') return sendError(response, 400, 'model is required');
	await serveInference(parsed, response, context, fault, ollamaDialect, arrivedAt);
}
