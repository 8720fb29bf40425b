import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultMessages } from '../behavior/faultMessages.js';
import type { SimFault } from '../behavior/SimBehavior.js';
import { embedText } from '../embed/embedText.js';
import { BadRequestError } from '../http/BadRequestError.js';
import { readJsonBody } from '../http/readJsonBody.js';
import { sendError, sendJson } from '../http/sendJson.js';
import type { SimContext } from '../SimContext.js';
import { QueueFullError } from '../scheduling/QueueFullError.js';
import { countTokens } from '../text/countTokens.js';
import { parseKeepAlive } from '../time/parseKeepAlive.js';

/**
 * `POST /api/embed` (and the legacy `/api/embeddings`): deterministic unit vectors, after the model is
 * loaded and a slot is free, taking prompt-evaluation time for the input's tokens.
 */
export async function handleEmbed(request: IncomingMessage, response: ServerResponse, context: SimContext, fault: SimFault, legacy = false): Promise<void> {
	const arrivedAt = performance.now();
	const body = await readJsonBody(request, legacy ? 'api.EmbeddingRequest' : 'api.EmbedRequest');
	const modelName = typeof body.model === 'string' ? body.model : '';
	const inputs = readInputs(legacy ? (body.prompt ?? '') : body.input);
	if (modelName === '') return sendError(response, 400, 'model is required');
	const entry = context.models.find(modelName);
	context.stats.model(entry?.model.name ?? modelName);
	if (!entry) return sendError(response, 404, `model '${modelName}' not found`);
	let keepAliveMs: number | undefined;
	try {
		keepAliveMs = parseKeepAlive(body.keep_alive);
	} catch (error) {
		throw new BadRequestError((error as Error).message);
	}
	const slow = context.behavior.slowFactor;
	const abort = new AbortController();
	const onClose = () => abort.abort(new Error('client went away'));
	response.once('close', onClose);
	let release: () => void;
	let loadMs: number;
	try {
		const lease = await context.scheduler.acquire(entry.runtime, {
			loadMs: entry.model.loadMs * slow,
			keepAliveMs: keepAliveMs ?? context.options.keepAliveMs,
			slot: true,
			signal: abort.signal,
		});
		release = lease.release;
		loadMs = lease.loadDurationMs;
	} catch (error) {
		response.off('close', onClose);
		if (abort.signal.aborted) return;
		if (!(error instanceof QueueFullError)) throw error;
		context.stats.rejected();
		return sendError(response, 503, error.message);
	}
	const tokens = inputs.reduce((sum, text) => sum + countTokens(text), 0);
	const evalMs = (context.options.timeToFirstTokenMs + (tokens / entry.model.promptTokensPerSecond) * 1000) * slow;
	const dimensions =
		typeof body.dimensions === 'number' && body.dimensions > 0 ? Math.min(body.dimensions, entry.model.embeddingLength) : entry.model.embeddingLength;
	const faulted = fault === 'midstream' || fault === 'abrupt-close';
	const timer = setTimeout(
		() => {
			response.off('close', onClose);
			release();
			if (fault === 'midstream') return sendError(response, 500, faultMessages.midstream);
			if (fault === 'abrupt-close') return void response.socket?.destroy();
			context.stats.tokens(0, tokens);
			const embeddings = inputs.map((text) => embedText(text, dimensions, entry.model.name));
			if (legacy) return sendJson(response, 200, { embedding: embeddings[0] ?? [] });
			const totalNs = Math.round((performance.now() - arrivedAt) * 1e6);
			sendJson(response, 200, { model: modelName, embeddings, total_duration: totalNs, load_duration: Math.round(loadMs * 1e6), prompt_eval_count: tokens });
		},
		faulted ? evalMs / 3 : evalMs,
	);
	abort.signal.addEventListener('abort', () => {
		clearTimeout(timer);
		release();
	});
}

function readInputs(input: unknown): string[] {
	if (input === undefined || input === null || input === '') return [];
	if (typeof input === 'string') return [input];
	if (Array.isArray(input) && input.every((item) => typeof item === 'string')) return input;
	throw new BadRequestError('invalid input type');
}
