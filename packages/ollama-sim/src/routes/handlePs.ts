import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/sendJson.js';
import type { SimContext } from '../SimContext.js';
import { describeModelDetails } from './describeModelDetails.js';

/** `GET /api/ps`: loaded models with their expiry, longest remaining first. */
export function handlePs(_request: IncomingMessage, response: ServerResponse, context: SimContext): void {
	const now = Date.now();
	const models = context.models
		.running(now)
		.map(({ model, runtime }) => ({ model, expiresAt: runtime.expiresAtFor(now) }))
		.sort((a, b) => b.expiresAt - a.expiresAt)
		.map(({ model, expiresAt }) => ({
			name: model.name,
			model: model.name,
			size: model.sizeBytes,
			digest: model.digest,
			details: describeModelDetails(model),
			// "Forever" as Ollama shows it: far in the future.
			expires_at: new Date(Number.isFinite(expiresAt) ? expiresAt : Date.UTC(2318, 0, 1)).toISOString(),
			size_vram: model.sizeBytes,
			context_length: context.options.defaultNumCtx,
		}));
	sendJson(response, 200, { models });
}
