import { Readable } from 'node:stream';
import type { ChatMessage } from '@charbot/core';
import { LlmError, ModelNotFoundError } from '@charbot/llm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseBody } from '../../http/parseBody.js';
import { requireServedModel } from '../../http/requireServedModel.js';
import type { ServiceContext } from '../../ServiceContext.js';
import { toGenerationSettings } from './ollamaOptionsSchema.js';
import { type OllamaChatBody, type OllamaGenerateBody, ollamaChatSchema, ollamaGenerateSchema } from './ollamaRequestSchemas.js';
import { renderOllamaLoadReply } from './renderOllamaLoadReply.js';
import { type OllamaEndpoint, renderOllamaReply } from './renderOllamaReply.js';

/**
 * Ollama's `POST /api/chat` and `POST /api/generate` over the pool's `chat` role: any Ollama client gets
 * balancing, failover and the response cache by pointing at this service, for the configured models.
 * `X-Charbot-Cache: off` skips the cache.
 */
export function registerOllamaInferenceRoutes(app: FastifyInstance, context: ServiceContext): void {
	const warnedOptions = new Set<string>();

	const answer = async (
		endpoint: OllamaEndpoint,
		body: OllamaChatBody | OllamaGenerateBody,
		input: { messages: ChatMessage[] } | { prompt: string; system?: string },
		reply: FastifyReply,
	) => {
		const { settings, ignored } = toGenerationSettings(body.options);
		for (const option of [...ignored, ...(body.keep_alive === undefined ? [] : ['keep_alive'])].filter((name) => !warnedOptions.has(name))) {
			warnedOptions.add(option);
			context.logger.warn({ option }, `llm-service: Ollama option "${option}" is not forwarded by the pool and is ignored`);
		}
		const result = await context.pool.generate({
			role: 'chat',
			model: body.model,
			...input,
			settings,
			...(body.format === undefined ? {} : { format: body.format }),
			useCache: String(reply.request.headers['x-charbot-cache']).toLowerCase() !== 'off',
			signal: context.aborts.signalFor(reply.raw),
		});
		const rendered = renderOllamaReply(endpoint, result, new Date());
		void reply.header('x-charbot-host', result.host).header('x-charbot-cache', result.cacheHit ? 'hit' : 'miss');
		if (!body.stream) return reply.send(rendered.whole);
		return reply.type('application/x-ndjson').send(Readable.from(rendered.chunks.map((chunk) => `${JSON.stringify(chunk)}\n`)));
	};

	// Ollama answers an empty request by loading the model; here the pool keeps each role's model warm itself.
	const answerLoad = (endpoint: OllamaEndpoint, body: OllamaChatBody | OllamaGenerateBody, reply: FastifyReply) => {
		const hosts = context.pool.hostStates;
		if (!hosts.some((host) => host.alive)) throw new LlmError('no-host-available', 'no Ollama host is alive', true);
		if (!hosts.some((host) => host.alive && host.hasModel(body.model)))
			throw new ModelNotFoundError(
				body.model,
				hosts.map((host) => host.url),
			);
		const unload = body.keep_alive === 0 || body.keep_alive === '0' || body.keep_alive === '0s';
		return reply.send(renderOllamaLoadReply(endpoint, body.model, unload, new Date()));
	};

	app.post('/api/chat', async (request, reply) => {
		const body = parseBody(ollamaChatSchema, request.body);
		requireServedModel(body.model, context.models);
		if (body.messages.length === 0) return answerLoad('chat', body, reply);
		return answer('chat', body, { messages: body.messages.map((message) => ({ role: message.role, content: message.content })) }, reply);
	});

	app.post('/api/generate', async (request, reply) => {
		const body = parseBody(ollamaGenerateSchema, request.body);
		requireServedModel(body.model, context.models);
		if (body.prompt === '') return answerLoad('generate', body, reply);
		return answer('generate', body, { prompt: body.prompt, ...(body.system === undefined ? {} : { system: body.system }) }, reply);
	});
}
