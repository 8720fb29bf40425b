import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultMessages } from '../behavior/faultMessages.js';
import type { SimFault } from '../behavior/SimBehavior.js';
import { BadRequestError } from '../http/BadRequestError.js';
import { hasBearerKey } from '../http/hasBearerKey.js';
import type { SimApi } from '../options/OllamaSimOptions.js';
import { sendError, sendJson, sendText } from '../http/sendJson.js';
import type { SimContext } from '../SimContext.js';
import { handleControl } from './handleControl.js';
import { handleDelete } from './handleDelete.js';
import { handleEmbed } from './handleEmbed.js';
import { handlePs } from './handlePs.js';
import { handlePull } from './handlePull.js';
import { handleShow } from './handleShow.js';
import { handleTags } from './handleTags.js';
import { handleInference } from './inference/handleInference.js';
import { handleChatCompletions } from './openai/handleChatCompletions.js';
import { handleMetrics } from './openai/handleMetrics.js';
import { handleModelList } from './openai/handleModelList.js';
import { handleModelRetrieve, modelRetrievePrefix } from './openai/handleModelRetrieve.js';
import { OpenAiError } from './openai/OpenAiError.js';
import { sendOpenAiError } from './openai/sendOpenAiError.js';
import { sendOpenAiRateLimit } from './openai/sendOpenAiRateLimit.js';

/** The Ollama version the simulator claims; clients that check versions see a current one. */
export const simulatedOllamaVersion = '0.12.6';

type Handler = (request: IncomingMessage, response: ServerResponse, context: SimContext, fault: SimFault) => Promise<void> | void;

/** Whose route it is: Ollama's `/api/*` (with `api: 'both'`), OpenAI's `/v1/*` (always), vLLM's `/health` and `/metrics` (with `api: 'openai'`). */
type RouteApi = 'ollama' | 'openai' | 'vllm';

interface Route {
	readonly methods: readonly string[];
	/** Chat, generate and embed: the requests faults hit by default. */
	readonly inference: boolean;
	readonly api: RouteApi;
	/** Needs `Authorization: Bearer <apiKey>` when the simulator has a key. */
	readonly keyed?: boolean;
	readonly handle: Handler;
}

const routes: Readonly<Record<string, Route>> = {
	'/': { methods: ['GET', 'HEAD'], inference: false, api: 'ollama', handle: (_request, response) => sendText(response, 200, 'Ollama is running') },
	'/api/version': {
		methods: ['GET', 'HEAD'],
		inference: false,
		api: 'ollama',
		handle: (_request, response, context) =>
			sendJson(response, 200, { version: simulatedOllamaVersion, simulated: true, simulator: '@charbot/ollama-sim', name: context.options.name }),
	},
	'/api/tags': { methods: ['GET', 'HEAD'], inference: false, api: 'ollama', handle: handleTags },
	'/api/ps': { methods: ['GET'], inference: false, api: 'ollama', handle: handlePs },
	'/api/show': { methods: ['POST'], inference: false, api: 'ollama', handle: handleShow },
	'/api/pull': { methods: ['POST'], inference: false, api: 'ollama', handle: handlePull },
	'/api/delete': { methods: ['DELETE'], inference: false, api: 'ollama', handle: handleDelete },
	'/api/chat': {
		methods: ['POST'],
		inference: true,
		api: 'ollama',
		handle: (request, response, context, fault) => handleInference('chat', request, response, context, fault),
	},
	'/api/generate': {
		methods: ['POST'],
		inference: true,
		api: 'ollama',
		handle: (request, response, context, fault) => handleInference('generate', request, response, context, fault),
	},
	'/api/embed': {
		methods: ['POST'],
		inference: true,
		api: 'ollama',
		handle: (request, response, context, fault) => handleEmbed(request, response, context, fault),
	},
	'/api/embeddings': {
		methods: ['POST'],
		inference: true,
		api: 'ollama',
		handle: (request, response, context, fault) => handleEmbed(request, response, context, fault, true),
	},
	'/v1/models': { methods: ['GET'], inference: false, api: 'openai', keyed: true, handle: handleModelList },
	'/v1/chat/completions': { methods: ['POST'], inference: true, api: 'openai', keyed: true, handle: handleChatCompletions },
	'/health': { methods: ['GET'], inference: false, api: 'vllm', handle: (_request, response) => sendText(response, 200, '') },
	'/metrics': { methods: ['GET'], inference: false, api: 'vllm', keyed: true, handle: handleMetrics },
};
const modelRetrieveRoute: Route = { methods: ['GET'], inference: false, api: 'openai', keyed: true, handle: handleModelRetrieve };

/** The simulator's `node:http` request listener: control routes, then the API key, then faults, then the Ollama and OpenAI routes. */
export function createRequestHandler(context: SimContext, onError: (error: unknown) => void): (request: IncomingMessage, response: ServerResponse) => void {
	return (request, response) => {
		const path = new URL(request.url ?? '/', 'http://sim').pathname;
		const voice = errorVoiceOf(path, context.options.api);
		handleRequest(path, voice, request, response, context).catch((error: unknown) => {
			if (error instanceof OpenAiError) return sendOpenAiError(response, error);
			if (error instanceof BadRequestError) return voice.send(response, 400, error.message);
			// A client that left while its body was still arriving is not a simulator fault.
			if (request.destroyed && response.destroyed) return;
			onError(error);
			if (!response.headersSent) voice.send(response, 500, error instanceof Error ? error.message : String(error));
			else response.destroy();
		});
	};
}

/** Sends errors in the shape the path's API uses. */
interface ErrorVoice {
	readonly openAi: boolean;
	send(response: ServerResponse, status: number, message: string): void;
}

const ollamaVoice: ErrorVoice = { openAi: false, send: sendError };
const openAiVoice: ErrorVoice = {
	openAi: true,
	send: (response, status, message) => sendOpenAiError(response, new OpenAiError(status, message, status >= 500 ? 'server_error' : 'invalid_request_error')),
};

function errorVoiceOf(path: string, api: SimApi): ErrorVoice {
	if (path === '/v1' || path.startsWith('/v1/')) return openAiVoice;
	return api === 'openai' ? openAiVoice : ollamaVoice;
}

// Exact paths first; `/v1/models/{id}` is the one route with a parameter.
function findRoute(path: string, api: SimApi): { endpoint: string; route: Route } | undefined {
	const exact = routes[path];
	const found =
		exact === undefined
			? path.startsWith(modelRetrievePrefix) && path.length > modelRetrievePrefix.length
				? { endpoint: `${modelRetrievePrefix}{id}`, route: modelRetrieveRoute }
				: undefined
			: { endpoint: path, route: exact };
	if (found === undefined) return undefined;
	const served = found.route.api === 'openai' || (found.route.api === 'ollama' ? api === 'both' : api === 'openai');
	return served ? found : undefined;
}

async function handleRequest(path: string, voice: ErrorVoice, request: IncomingMessage, response: ServerResponse, context: SimContext): Promise<void> {
	response.setHeader('x-ollama-sim', context.options.name);
	if (path === '/_sim' || path.startsWith('/_sim/')) return handleControl(path, request, response, context);
	const { stats } = context;
	const found = findRoute(path, context.options.api);
	stats.request(found?.endpoint ?? 'other');
	stats.inFlight(1);
	response.once('close', () => {
		stats.inFlight(-1);
		if (response.headersSent) stats.status(response.statusCode);
	});
	if (!found) return refuseUnknown(path, voice, request, response, 404);
	const { route } = found;
	if (!route.methods.includes(request.method ?? 'GET')) return refuseUnknown(path, voice, request, response, 405);
	const { apiKey } = context.options;
	if (route.keyed === true && apiKey !== undefined && !hasBearerKey(request, apiKey)) {
		request.resume();
		return sendOpenAiError(response, new OpenAiError(401, 'Incorrect API key provided', 'invalid_request_error', 'invalid_api_key'));
	}
	const eligible = route.inference || context.behavior.faultScope === 'all';
	const fault = eligible ? context.faults.next(context.behavior) : 'none';
	if (fault !== 'none') stats.fault(fault);
	switch (fault) {
		case 'hang':
			// Accept and never answer; the connection stays open until the client gives up or the simulator closes.
			return;
		case 'http500':
			request.resume();
			return voice.send(response, 500, faultMessages.http500);
		case 'http503':
			request.resume();
			return voice.send(response, 503, faultMessages.http503);
		case 'http429': {
			request.resume();
			const seconds = context.behavior.retryAfterSeconds;
			if (voice.openAi) return sendOpenAiRateLimit(response, seconds, `Rate limit reached for requests. Please try again in ${seconds}s.`);
			response.setHeader('retry-after', String(seconds));
			return voice.send(response, 429, faultMessages.http429);
		}
		case 'midstream':
		case 'abrupt-close':
			if (!route.inference) {
				request.resume();
				if (fault === 'midstream') return voice.send(response, 500, faultMessages.midstream);
				return void request.socket.destroy();
			}
			break;
		default:
			break;
	}
	if (request.method === 'HEAD') {
		response.writeHead(200, { 'content-type': path === '/' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8' });
		return void response.end();
	}
	await route.handle(request, response, context, fault);
}

// Each API words an unknown path its own way: gin's text, OpenAI's `unknown_url`, vLLM's (FastAPI's) `detail`.
function refuseUnknown(path: string, voice: ErrorVoice, request: IncomingMessage, response: ServerResponse, status: 404 | 405): void {
	request.resume();
	if (!voice.openAi) return sendText(response, status, status === 404 ? '404 page not found' : '405 method not allowed');
	if (path === '/v1' || path.startsWith('/v1/')) {
		return sendOpenAiError(
			response,
			new OpenAiError(
				status,
				`Unknown request URL: ${request.method ?? 'GET'} ${path}. Please check the URL for typos.`,
				'invalid_request_error',
				'unknown_url',
			),
		);
	}
	sendJson(response, status, { detail: status === 404 ? 'Not Found' : 'Method Not Allowed' });
}
