import { LlmError, ModelNotFoundError } from '@charbot/llm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseBody } from '../../http/parseBody.js';
import type { ServiceContext } from '../../ServiceContext.js';
import { fetchFromHosts } from './fetchFromHosts.js';
import { lowestVersion } from './lowestVersion.js';
import { mergeHostListings, modelListingSchema } from './mergeHostListings.js';

const versionSchema = z.looseObject({ version: z.string() });
const showBodySchema = z.looseObject({ model: z.string({ error: 'is required' }).min(1, 'is required') });

/** `GET /`, `/api/version` (the lowest host version), `/api/tags` and `/api/ps` (the union over hosts), `POST /api/show`, from the Ollama hosts (OpenAI-compatible ones have no such routes). */
export function registerOllamaInfoRoutes(app: FastifyInstance, context: ServiceContext): void {
	const { logger } = context;
	const aliveHosts = () => context.pool.hostStates.filter((host) => host.alive && host.kind === 'ollama');

	app.get('/', async (_request, reply) => reply.type('text/plain; charset=utf-8').send('Ollama is running'));

	app.get('/api/version', async () => {
		const answers = await fetchFromHosts(aliveHosts(), '/api/version', versionSchema, { logger });
		const version = lowestVersion(answers.map((answer) => answer.body.version));
		if (version === undefined) throw new LlmError('no-host-available', 'no Ollama host answered /api/version', true);
		return { version };
	});

	for (const path of ['/api/tags', '/api/ps'] as const) {
		app.get(path, async () => {
			const answers = await fetchFromHosts(aliveHosts(), path, modelListingSchema, { logger });
			return { models: mergeHostListings(answers.map((answer) => answer.body.models)) };
		});
	}

	app.post('/api/show', async (request, reply) => {
		const body = parseBody(showBodySchema, request.body);
		const host = aliveHosts().find((candidate) => candidate.models?.has(body.model) === true);
		if (host === undefined)
			throw new ModelNotFoundError(
				body.model,
				context.pool.hostStates.map((state) => state.url),
			);
		const [answer] = await fetchFromHosts([host], '/api/show', z.record(z.string(), z.unknown()), {
			logger,
			timeoutMs: 10_000,
			init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) },
		});
		if (answer === undefined) throw new LlmError('upstream', `${host.url} did not answer /api/show for "${body.model}"`, true);
		return reply.send(answer.body);
	});
}
