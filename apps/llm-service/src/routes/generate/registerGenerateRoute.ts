import type { FastifyInstance } from 'fastify';
import { parseBody } from '../../http/parseBody.js';
import { requireServedModel } from '../../http/requireServedModel.js';
import type { ServiceContext } from '../../ServiceContext.js';
import { generateBodySchema } from './generateBodySchema.js';
import { renderGenerateResult } from './renderGenerateResult.js';
import { toGenerateRequest } from './toGenerateRequest.js';

/** `POST /generate`: one generation through the pool (cache, coalescing, balancing) with a configured model; a client that leaves cancels it. */
export function registerGenerateRoute(app: FastifyInstance, context: ServiceContext): void {
	app.post('/generate', async (request, reply) => {
		const body = parseBody(generateBodySchema, request.body);
		if (body.model !== undefined) requireServedModel(body.model, context.models);
		const signal = context.aborts.signalFor(reply.raw);
		const result = await context.pool.generate({ ...toGenerateRequest(body), signal });
		return renderGenerateResult(result);
	});
}
