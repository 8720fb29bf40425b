import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../http/sendJson.js';
import type { SimContext } from '../../SimContext.js';
import { describeOpenAiModel } from './describeOpenAiModel.js';
import { OpenAiError } from './OpenAiError.js';

/** The path prefix of `GET /v1/models/{id}`; ids may hold `/` and `:` (`hf.co/org/name:tag`). */
export const modelRetrievePrefix = '/v1/models/';

/** `GET /v1/models/{id}`: one model by any spelling of its name, or OpenAI's 404. */
export function handleModelRetrieve(request: IncomingMessage, response: ServerResponse, context: SimContext): void {
	const path = new URL(request.url ?? '/', 'http://sim').pathname;
	const id = decodeURIComponent(path.slice(modelRetrievePrefix.length));
	const entry = context.models.find(id);
	if (!entry) throw new OpenAiError(404, `The model \`${id}\` does not exist.`, 'invalid_request_error', 'model_not_found', 'model');
	sendJson(response, 200, describeOpenAiModel(entry.model, context.options.api));
}
