import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from '../http/readJsonBody.js';
import { sendError } from '../http/sendJson.js';
import type { SimContext } from '../SimContext.js';

/** `DELETE /api/delete`: removes a model; 200 with an empty body, or 404. */
export async function handleDelete(request: IncomingMessage, response: ServerResponse, context: SimContext): Promise<void> {
	const body = await readJsonBody(request, 'api.DeleteRequest');
	const name = typeof body.model === 'string' && body.model !== '' ? body.model : typeof body.name === 'string' ? body.name : '';
	if (name === '') return sendError(response, 400, 'model is required');
	context.stats.model(name);
	if (!context.models.remove(name)) return sendError(response, 404, `model '${name}' not found`);
	response.writeHead(200, { 'content-length': 0 });
	response.end();
}
