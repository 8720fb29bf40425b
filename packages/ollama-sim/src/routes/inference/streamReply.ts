import type { ServerResponse } from 'node:http';
import { faultMessages } from '../../behavior/faultMessages.js';
import type { PacedStream, TokenPacer } from '../../streaming/TokenPacer.js';
import { type Delivery, faultTokenIndex } from './Delivery.js';
import { finalMetrics } from './finalMetrics.js';

/**
 * Streams a reply in its wire format (Ollama's NDJSON, OpenAI's server-sent events), tokens at the model's pace. Headers go out with the first
 * token, as Ollama's do, so "time to first byte" includes the load and prompt evaluation.
 */
export function streamReply(response: ServerResponse, delivery: Delivery, pacer: TokenPacer): void {
	const { reply } = delivery;
	const startedAt = performance.now();
	const firstAt = startedAt + delivery.promptEvalMs + delivery.intervalMs;
	const total = reply.tokens.length;
	const faultAt = delivery.fault === 'none' ? Number.POSITIVE_INFINITY : Math.min(total, faultTokenIndex(total));
	const { wire } = delivery;
	let ended = false;
	const end = (sent: number) => {
		if (ended) return;
		ended = true;
		delivery.onEnd(sent);
	};
	const writeHead = () => {
		if (response.headersSent) return;
		response.writeHead(200, wire.streamHeaders);
		if (wire.streamOpening !== '') response.write(wire.streamOpening);
	};
	const playFault = (sent: number) => {
		if (delivery.fault === 'midstream') {
			writeHead();
			response.end(wire.streamFailure(faultMessages.midstream));
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
			const lines = upTo > from ? wire.streamTokens(reply.tokens, from, upTo) : '';
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
			const final = wire.streamEnd(finalMetrics(delivery, total));
			writeHead();
			response.end(final);
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
