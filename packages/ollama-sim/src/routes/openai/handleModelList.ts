import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../http/sendJson.js';
import type { SimContext } from '../../SimContext.js';
import { describeOpenAiModel } from './describeOpenAiModel.js';

/** `GET /v1/models`: the visible models, as `/api/tags` lists them. */
export function handleModelList(_request: IncomingMessage, response: ServerResponse, context: SimContext): void {
	sendJson(response, 200, { object: 'list', data: context.models.list().map((model) => describeOpenAiModel(model, context.options.api)) });
}
