import type { ServerResponse } from 'node:http';
import { faultMessages } from '../../behavior/faultMessages.js';
import type { PacedStream, TokenPacer } from '../../streaming/TokenPacer.js';
import { type Delivery, faultTokenIndex } from './Delivery.js';
import { finalMetrics } from './finalMetrics.js';
import { renderFinalChunk, renderTokenLine } from './renderChunk.js';

/**
 * Streams a reply as NDJSON, one line per token at the model's pace. Headers go out with the first
 * token, as Ollama's do, so "time to first byte" includes the load and prompt evaluation.
 */
export function streamReply(response: ServerResponse, delivery: Delivery, pacer: TokenPacer): void {
	const { reply } = delivery;
	const startedAt = performance.now();
	const firstAt = startedAt + delivery.promptEvalMs + delivery.intervalMs;
	const total = reply.tokens.length;
	const faultAt = delivery.fault === 'none' ? Number.POSITIVE_INFINITY : Math.min(total, faultTokenIndex(total));
	const modelJson = JSON.stringify(delivery.model);
	let ended = false;
	const end = (sent: number) => {
		if (ended) return;
		ended = true;
		delivery.onEnd(sent);
	};
	const writeHead = () => {
		if (!response.headersSent) response.writeHead(200, { 'content-type': 'application/x-ndjson' });
	};
	const playFault = (sent: number) => {
		if (delivery.fault === 'midstream') {
			writeHead();
			response.end(`${JSON.stringify({ error: faultMessages.midstream })}\n`);
		} else {
			// Headers and tokens already written reach the client before the reset.
			writeHead();
			response.socket?.destroySoon();
		}
		end(sent);
	};
	const stream: PacedStream = {
		firstAt,
		intervalMs: delivery.intervalMs,
		total,
		doneAt: total > 0 ? firstAt + (total - 1) * delivery.intervalMs : startedAt + delivery.promptEvalMs,
		sent: 0,
		advance: (from, to) => {
			if (response.destroyed) {
				end(from);
				return false;
			}
			const upTo = Math.min(to, faultAt);
			const createdAt = new Date().toISOString();
			let lines = '';
			for (let index = from; index < upTo; index += 1) lines += renderTokenLine(delivery.kind, modelJson, createdAt, reply.tokens[index] ?? '');
			writeHead();
			if (lines !== '') response.write(lines);
			if (to >= faultAt) {
				playFault(upTo);
				return false;
			}
			return true;
		},
		complete: () => {
			if (response.destroyed) return end(total);
			if (faultAt <= total) return playFault(total);
			const final = renderFinalChunk(delivery.kind, delivery.model, '', finalMetrics(delivery, total), delivery.context?.());
			writeHead();
			response.end(`${JSON.stringify(final)}\n`);
			end(total);
		},
	};
	response.once('close', () => {
		if (ended) return;
		pacer.remove(stream);
		end(stream.sent);
	});
	pacer.add(stream);
}
