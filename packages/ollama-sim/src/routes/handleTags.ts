import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/sendJson.js';
import type { SimContext } from '../SimContext.js';
import { describeModelDetails } from './describeModelDetails.js';

/** `GET /api/tags`: the visible models, most recently modified first. */
export function handleTags(_request: IncomingMessage, response: ServerResponse, context: SimContext): void {
	const models = context.models.list().map((model) => ({
		name: model.name,
		model: model.name,
		modified_at: model.modifiedAt.toISOString(),
		size: model.sizeBytes,
		digest: model.digest,
		details: describeModelDetails(model),
	}));
	sendJson(response, 200, { models });
}
