import type { ServerResponse } from 'node:http';
import { faultMessages } from '../../behavior/faultMessages.js';
import { type Delivery, faultTokenIndex } from './Delivery.js';
import { finalMetrics } from './finalMetrics.js';

/**
 * Answers `stream: false`: one JSON document (in the delivery's wire format) once the whole reply would have been generated. A
 * `midstream` fault answers 500 and `abrupt-close` drops the connection, a third of the way through.
 */
export function respondWhole(response: ServerResponse, delivery: Delivery): void {
	const { reply } = delivery;
	const total = reply.tokens.length;
	const fullMs = delivery.promptEvalMs + total * delivery.intervalMs;
	let ended = false;
	const end = (sent: number) => {
		if (ended) return;
		ended = true;
		clearTimeout(timer);
		delivery.onEnd(sent);
	};
	const faulted = delivery.fault !== 'none';
	const sent = faulted ? faultTokenIndex(total) : total;
	const waitMs = faulted ? delivery.promptEvalMs + Math.min(sent, total) * delivery.intervalMs : fullMs;
	const timer = setTimeout(() => {
		if (delivery.fault === 'midstream') delivery.wire.sendFailure(response, 500, faultMessages.midstream);
		else if (delivery.fault === 'abrupt-close') response.socket?.destroy();
		else delivery.wire.sendWhole(response, reply.text, finalMetrics(delivery, total));
		end(faulted ? 0 : total);
	}, waitMs);
	response.once('close', () => end(0));
}
