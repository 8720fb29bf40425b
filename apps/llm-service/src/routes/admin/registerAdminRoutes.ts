import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasBearerToken } from '../../http/hasBearerToken.js';
import { parseBody } from '../../http/parseBody.js';
import type { ServiceContext } from '../../ServiceContext.js';
import { cacheClearBodySchema } from './cacheClearBodySchema.js';
import { renderModelValidation } from './renderModelValidation.js';

const validateModelBodySchema = z.strictObject({ model: z.string().min(1, 'must name a model').max(200) });

/** `POST /validate-model` and `POST /cache/clear` (behind the admin bearer token when one is set). */
export function registerAdminRoutes(app: FastifyInstance, context: ServiceContext): void {
	const requireAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
		if (context.adminToken === undefined || hasBearerToken(request.headers.authorization, context.adminToken)) return;
		await reply
			.status(401)
			.header('www-authenticate', 'Bearer realm="charbot-llm-service"')
			.send({ error: 'this endpoint needs `Authorization: Bearer <admin token>`', code: 'unauthorized' });
	};

	app.post('/validate-model', async (request) => {
		const { model } = parseBody(validateModelBodySchema, request.body);
		return renderModelValidation(await context.pool.validateModel(model));
	});

	app.post('/cache/clear', { preHandler: requireAdmin }, async (request) => {
		const scope = parseBody(cacheClearBodySchema, request.body);
		const cleared = await context.pool.clearCache(scope);
		context.logger.info({ scope, cleared }, `llm-service: cleared ${cleared} cached responses`);
		return { cleared, cache_enabled: (await context.pool.health()).cache.enabled };
	});
}
