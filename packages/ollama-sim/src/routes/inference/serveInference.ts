import type { ServerResponse } from 'node:http';
import type { SimFault } from '../../behavior/SimBehavior.js';
import { sendJson } from '../../http/sendJson.js';
import type { SimContext } from '../../SimContext.js';
import { QueueFullError } from '../../scheduling/QueueFullError.js';
import type { Lease } from '../../scheduling/Scheduler.js';
import { composeReply } from './composeReply.js';
import { countPromptTokens } from './countPromptTokens.js';
import type { Delivery } from './Delivery.js';
import type { InferenceDialect } from './InferenceDialect.js';
import type { InferenceRequest } from './parseInferenceRequest.js';
import { recordSloppyReply } from './recordSloppyReply.js';
import { renderLoadChunk } from './renderChunk.js';
import { respondWhole } from './respondWhole.js';
import { streamReply } from './streamReply.js';

/**
 * Serves a parsed chat or generate request, whichever API it came through: model checks, queueing, the
 * reply's text, then its delivery at the model's pace. `arrivedAt` is `performance.now()` on arrival.
 */
export async function serveInference(
	parsed: InferenceRequest,
	response: ServerResponse,
	context: SimContext,
	fault: SimFault,
	dialect: InferenceDialect,
	arrivedAt: number,
): Promise<void> {
	const { kind } = parsed;
	const entry = context.models.find(parsed.model);
	context.stats.model(entry?.model.name ?? parsed.model);
	if (!parsed.isLoadRequest)
		context.stats.inference({ at: new Date().toISOString(), kind, api: dialect.api, model: entry?.model.name ?? parsed.model, images: parsed.images });
	if (!entry) return dialect.refuse(response, { reason: 'model-not-found', model: parsed.model });
	if (!entry.model.capabilities.includes('completion')) return dialect.refuse(response, { reason: 'not-a-completion-model', model: parsed.model, kind });
	if (parsed.think) return dialect.refuse(response, { reason: 'thinking-unsupported', model: parsed.model });
	let request = parsed;
	if (dialect.longPrompts === 'refuse') {
		// vLLM sizes every request against the model's whole context and refuses rather than truncates.
		const contextLength = entry.model.contextLength;
		const promptTokens = countPromptTokens(parsed);
		const completionTokens = parsed.options.numPredict ?? 0;
		if (promptTokens + completionTokens > contextLength)
			return dialect.refuse(response, { reason: 'context-length-exceeded', contextLength, promptTokens, completionTokens });
		request = { ...parsed, options: { ...parsed.options, numCtx: contextLength } };
	}
	// Only Ollama's routes take load and unload requests (no messages or no prompt).
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
		return dialect.refuse(response, { reason: 'queue-full', message: error.message });
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
		return dialect.refuse(response, { reason: 'image-input-unsupported' });
	}
	// Structured output is never made sloppy, nor a reply that a midstream fault will cut short anyway.
	const sloppyEligible = context.behavior.sloppy > 0 && parsed.format === undefined && fault !== 'midstream' && fault !== 'abrupt-close';
	if (sloppyEligible) context.stats.sloppyEligible();
	const sloppyKind = sloppyEligible ? context.sloppy.next(context.behavior) : undefined;
	const reply = composeReply(request, entry.model, {
		scripts: context.scripts,
		replyTokens: context.options.replyTokens,
		defaultNumCtx: context.options.defaultNumCtx,
		...(sloppyKind === undefined ? {} : { sloppyKind }),
	});
	const { sloppy } = reply;
	// Headers go out before the body, so this says what the limits left in, not what a client that leaves early saw.
	if (sloppy !== undefined && sloppy.fragmentAt + sloppy.fragment.length <= reply.text.length) response.setHeader('x-ollama-sim-sloppy', sloppy.kind);
	const delivery: Delivery = {
		wire: dialect.wire(parsed, reply),
		reply,
		promptEvalMs: (context.options.timeToFirstTokenMs + (reply.promptTokens / entry.model.promptTokensPerSecond) * 1000) * slow,
		intervalMs: (1000 / entry.model.tokensPerSecond) * slow,
		arrivedAt,
		loadMs: lease.loadDurationMs,
		fault: fault === 'midstream' || fault === 'abrupt-close' ? fault : 'none',
		onEnd: (tokensSent) => {
			lease.release();
			context.stats.tokens(tokensSent, reply.promptTokens);
			recordSloppyReply(context.stats, entry.model.name, reply, tokensSent);
		},
	};
	if (parsed.stream) streamReply(response, delivery, context.pacer);
	else respondWhole(response, delivery);
}
