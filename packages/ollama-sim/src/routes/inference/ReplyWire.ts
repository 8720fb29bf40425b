import type { ServerResponse } from 'node:http';
import type { ReplyMetrics } from './renderChunk.js';

/** How one API writes a reply: Ollama's NDJSON and JSON, or OpenAI's server-sent events and JSON. The timing is not its business. */
export interface ReplyWire {
	/** Headers of a streamed reply, sent with the first token. */
	readonly streamHeaders: Readonly<Record<string, string>>;
	/** Written with the headers, before the first token (OpenAI's role delta); empty for none. */
	readonly streamOpening: string;
	/** Tokens [from, to) of the reply, now due. */
	streamTokens(tokens: readonly string[], from: number, to: number): string;
	/** The end of a finished stream, after its last token. */
	streamEnd(metrics: ReplyMetrics): string;
	/** The error a stream ends with when the runner fails part-way. */
	streamFailure(message: string): string;
	/** Sends the whole reply (`stream: false`). */
	sendWhole(response: ServerResponse, text: string, metrics: ReplyMetrics): void;
	/** Sends a failure instead of a whole reply. */
	sendFailure(response: ServerResponse, status: number, message: string): void;
}
