import type { Logger } from '@charbot/core';
import type { FastifyInstance } from 'fastify';
import { describeHttpError } from './describeHttpError.js';
import { isOllamaRoute } from './isOllamaRoute.js';
import { RequestValidationError } from './RequestValidationError.js';

/**
 * Reads every body as JSON whatever its content type (Ollama's own examples are `curl -d` without one),
 * answers errors as JSON (`{ error, code, issues }`, or Ollama's `{ error }` under `/api/`), and unknown
 * routes with a JSON 404.
 */
export function registerErrorHandling(app: FastifyInstance, logger: Logger, bodyLimitBytes: number): void {
	app.removeAllContentTypeParsers();
	app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
		const text = typeof body === 'string' ? body : body.toString('utf8');
		if (text.trim() === '') return done(null, undefined);
		try {
			done(null, JSON.parse(text));
		} catch (error) {
			done(
				new RequestValidationError([{ field: '(body)', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }]),
				undefined,
			);
		}
	});

	app.setErrorHandler((error, request, reply) => {
		const answer = describeHttpError(error, bodyLimitBytes);
		if (answer.unexpected) logger.error({ err: error, method: request.method, url: request.url }, `llm-service: ${request.method} ${request.url} failed`);
		if (answer.headers !== undefined) void reply.headers(answer.headers);
		return reply.status(answer.status).send(isOllamaRoute(request.url) ? { error: answer.ollamaMessage } : answer.body);
	});

	app.setNotFoundHandler((request, reply) => {
		const path = request.url.split('?')[0] ?? request.url;
		return reply.status(404).send({ error: `no route ${request.method} ${path}`, code: 'not-found' });
	});
}
