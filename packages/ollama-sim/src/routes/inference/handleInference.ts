import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimFault } from '../../behavior/SimBehavior.js';
import { readJsonBody } from '../../http/readJsonBody.js';
import { sendError, sendJson } from '../../http/sendJson.js';
import type { SimContext } from '../../SimContext.js';
import { QueueFullError } from '../../scheduling/QueueFullError.js';
import type { Lease } from '../../scheduling/Scheduler.js';
import { imageInputUnsupported } from '../../images/imageInputUnsupported.js';
import { hashText } from '../../text/hashText.js';
import { splitTokens } from '../../text/splitTokens.js';
import { composeReply } from './composeReply.js';
import type { Delivery } from './Delivery.js';
import { parseInferenceRequest } from './parseInferenceRequest.js';
import { recordSloppyReply } from './recordSloppyReply.js';
import { renderLoadChunk } from './renderChunk.js';
import { respondWhole } from './respondWhole.js';
import { streamReply } from './streamReply.js';

/** Serves `/api/chat` and `/api/generate`: validation, load/unload requests, queueing, then the reply. */
export async function handleInference(
	kind: 'chat' | 'generate',
	request: IncomingMessage,
	response: ServerResponse,
	context: SimContext,
	fault: SimFault,
): Promise<void> {
	const arrivedAt = performance.now();
	const parsed = parseInferenceRequest(kind, await readJsonBody(request, kind === 'chat' ? 'api.ChatRequest' : 'api.GenerateRequest'));
	if (parsed.model === '') return sendError(response, 400, 'model is required');
	const entry = context.models.find(parsed.model);
	context.stats.model(entry?.model.name ?? parsed.model);
	if (!parsed.isLoadRequest) context.stats.inference({ at: new Date().toISOString(), kind, model: entry?.model.name ?? parsed.model, images: parsed.images });
	if (!entry) return sendError(response, 404, `model '${parsed.model}' not found`);
	if (!entry.model.capabilities.includes('completion')) return sendError(response, 400, `"${parsed.model}" does not support ${kind}`);
	if (parsed.think) return sendError(response, 400, `"${parsed.model}" does not support thinking`);
	if (parsed.isLoadRequest && parsed.keepAliveMs === 0) {
		entry.runtime.unload(Date.now());
		return sendJson(response, 200, renderLoadChunk(kind, parsed.model, 'unload'));
	}
	if (response.destroyed) return;
	const slow = context.behavior.slowFactor;
	if (slow !== 1) context.stats.fault('slow');
	const abort = new AbortController();
	const onClose = () => abort.abort(new Error('client went away'));
	response.once('close', onClose);
	let lease: Lease;
	try {
		lease = await context.scheduler.acquire(entry.runtime, {
			loadMs: entry.model.loadMs * slow,
			keepAliveMs: parsed.keepAliveMs ?? context.options.keepAliveMs,
			slot: !parsed.isLoadRequest,
			signal: abort.signal,
		});
	} catch (error) {
		if (abort.signal.aborted) return;
		if (!(error instanceof QueueFullError)) throw error;
		context.stats.rejected();
		return sendError(response, 503, error.message);
	} finally {
		response.off('close', onClose);
	}
	if (parsed.isLoadRequest) {
		lease.release();
		return sendJson(response, 200, renderLoadChunk(kind, parsed.model, 'load'));
	}
	// Ollama loads the model first; its runner then refuses images the model has no projector for.
	if (parsed.images.length > 0 && !entry.model.capabilities.includes('vision')) {
		lease.release();
		return sendError(response, 500, imageInputUnsupported);
	}
	// Structured output is never made sloppy, nor a reply that a midstream fault will cut short anyway.
	const sloppyEligible = context.behavior.sloppy > 0 && parsed.format === undefined && fault !== 'midstream' && fault !== 'abrupt-close';
	if (sloppyEligible) context.stats.sloppyEligible();
	const sloppyKind = sloppyEligible ? context.sloppy.next(context.behavior) : undefined;
	const reply = composeReply(parsed, entry.model, {
		scripts: context.scripts,
		replyTokens: context.options.replyTokens,
		defaultNumCtx: context.options.defaultNumCtx,
		...(sloppyKind === undefined ? {} : { sloppyKind }),
	});
	const { sloppy } = reply;
	// Headers go out before the body, so this says what the limits left in, not what a client that leaves early saw.
	if (sloppy !== undefined && sloppy.fragmentAt + sloppy.fragment.length <= reply.text.length) response.setHeader('x-ollama-sim-sloppy', sloppy.kind);
	const delivery: Delivery = {
		kind,
		model: parsed.model,
		reply,
		promptEvalMs: (context.options.timeToFirstTokenMs + (reply.promptTokens / entry.model.promptTokensPerSecond) * 1000) * slow,
		intervalMs: (1000 / entry.model.tokensPerSecond) * slow,
		arrivedAt,
		loadMs: lease.loadDurationMs,
		fault: fault === 'midstream' || fault === 'abrupt-close' ? fault : 'none',
		...(kind === 'generate' ? { context: () => tokenIds(parsed.messages.map((message) => message.content).join('\n') + reply.text) } : {}),
		onEnd: (tokensSent) => {
			lease.release();
			context.stats.tokens(tokensSent, reply.promptTokens);
			recordSloppyReply(context.stats, entry.model.name, reply, tokensSent);
		},
	};
	if (parsed.stream) streamReply(response, delivery, context.pacer);
	else respondWhole(response, delivery);
}

// Stand-ins for the tokenizer's ids: stable per token, in a Llama-3-sized vocabulary.
function tokenIds(text: string): number[] {
	return splitTokens(text).map((token) => hashText(token) % 128_256);
}
