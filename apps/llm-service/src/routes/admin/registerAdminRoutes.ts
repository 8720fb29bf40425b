import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseBody } from '../../http/parseBody.js';
import { requireBearerToken } from '../../http/requireBearerToken.js';
import type { ServiceContext } from '../../ServiceContext.js';
import { cacheClearBodySchema } from './cacheClearBodySchema.js';
import { renderModelValidation } from './renderModelValidation.js';

const validateModelBodySchema = z.strictObject({ model: z.string().min(1, 'must name a model').max(200) });

/**
 * `POST /validate-model` and `POST /cache/clear`, behind the admin bearer token; off (403) without one, since
 * a validation may cold-load a model and a clear empties the cache for everyone.
 */
export function registerAdminRoutes(app: FastifyInstance, context: ServiceContext): void {
	const onRequest = requireBearerToken({
		accepted: context.adminToken === undefined ? [] : [context.adminToken],
		offMessage: 'this admin endpoint is off: set LLM_SERVICE_ADMIN_TOKEN to use it',
	});

	// Any model, configured or not: an operator checks one here before configuring it (its metrics say `other`).
	app.post('/validate-model', { onRequest }, async (request) => {
		const { model } = parseBody(validateModelBodySchema, request.body);
		return renderModelValidation(await context.pool.validateModel(model));
	});

	app.post('/cache/clear', { onRequest }, async (request) => {
		const scope = parseBody(cacheClearBodySchema, request.body);
		const cleared = await context.pool.clearCache(scope);
		context.logger.info({ scope, cleared }, `llm-service: cleared ${cleared} cached responses`);
		return { cleared, cache_enabled: (await context.pool.health()).cache.enabled };
	});
}
