import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultMessages } from '../behavior/faultMessages.js';
import type { SimFault } from '../behavior/SimBehavior.js';
import { BadRequestError } from '../http/BadRequestError.js';
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

/** The Ollama version the simulator claims; clients that check versions see a current one. */
export const simulatedOllamaVersion = '0.12.6';

type Handler = (request: IncomingMessage, response: ServerResponse, context: SimContext, fault: SimFault) => Promise<void> | void;

interface Route {
	readonly methods: readonly string[];
	/** Chat, generate and embed: the requests faults hit by default. */
	readonly inference: boolean;
	readonly handle: Handler;
}

const routes: Readonly<Record<string, Route>> = {
	'/': { methods: ['GET', 'HEAD'], inference: false, handle: (_request, response) => sendText(response, 200, 'Ollama is running') },
	'/api/version': {
		methods: ['GET', 'HEAD'],
		inference: false,
		handle: (_request, response, context) =>
			sendJson(response, 200, { version: simulatedOllamaVersion, simulated: true, simulator: '@charbot/ollama-sim', name: context.options.name }),
	},
	'/api/tags': { methods: ['GET', 'HEAD'], inference: false, handle: handleTags },
	'/api/ps': { methods: ['GET'], inference: false, handle: handlePs },
	'/api/show': { methods: ['POST'], inference: false, handle: handleShow },
	'/api/pull': { methods: ['POST'], inference: false, handle: handlePull },
	'/api/delete': { methods: ['DELETE'], inference: false, handle: handleDelete },
	'/api/chat': {
		methods: ['POST'],
		inference: true,
		handle: (request, response, context, fault) => handleInference('chat', request, response, context, fault),
	},
	'/api/generate': {
		methods: ['POST'],
		inference: true,
		handle: (request, response, context, fault) => handleInference('generate', request, response, context, fault),
	},
	'/api/embed': { methods: ['POST'], inference: true, handle: (request, response, context, fault) => handleEmbed(request, response, context, fault) },
	'/api/embeddings': {
		methods: ['POST'],
		inference: true,
		handle: (request, response, context, fault) => handleEmbed(request, response, context, fault, true),
	},
};

/** The simulator's `node:http` request listener: control routes, then faults, then the Ollama routes. */
export function createRequestHandler(context: SimContext, onError: (error: unknown) => void): (request: IncomingMessage, response: ServerResponse) => void {
	return (request, response) => {
		handleRequest(request, response, context).catch((error: unknown) => {
			if (error instanceof BadRequestError) return sendError(response, 400, error.message);
			// A client that left while its body was still arriving is not a simulator fault.
			if (request.destroyed && response.destroyed) return;
			onError(error);
			if (!response.headersSent) sendError(response, 500, error instanceof Error ? error.message : String(error));
			else response.destroy();
		});
	};
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, context: SimContext): Promise<void> {
	const path = new URL(request.url ?? '/', 'http://sim').pathname;
	response.setHeader('x-ollama-sim', context.options.name);
	if (path === '/_sim' || path.startsWith('/_sim/')) return handleControl(path, request, response, context);
	const { stats } = context;
	stats.request(path in routes ? path : 'other');
	stats.inFlight(1);
	response.once('close', () => {
		stats.inFlight(-1);
		if (response.headersSent) stats.status(response.statusCode);
	});
	const route = routes[path];
	if (!route) return sendText(response, 404, '404 page not found');
	if (!route.methods.includes(request.method ?? 'GET')) return sendText(response, 405, '405 method not allowed');
	const eligible = route.inference || context.behavior.faultScope === 'all';
	const fault = eligible ? context.faults.next(context.behavior) : 'none';
	if (fault !== 'none') stats.fault(fault);
	switch (fault) {
		case 'hang':
			// Accept and never answer; the connection stays open until the client gives up or the simulator closes.
			return;
		case 'http500':
			request.resume();
			return sendError(response, 500, faultMessages.http500);
		case 'http503':
			request.resume();
			return sendError(response, 503, faultMessages.http503);
		case 'midstream':
		case 'abrupt-close':
			if (!route.inference) {
				request.resume();
				if (fault === 'midstream') return sendError(response, 500, faultMessages.midstream);
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
