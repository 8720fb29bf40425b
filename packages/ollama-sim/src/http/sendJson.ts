import type { ServerResponse } from 'node:http';

/** Sends one JSON document, as Ollama's `c.JSON` does (no trailing newline). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
	if (response.headersSent || response.destroyed) return;
	const text = JSON.stringify(body);
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
	response.end(text);
}

/** Sends Ollama's error shape `{"error": "..."}`. */
export function sendError(response: ServerResponse, status: number, message: string): void {
	sendJson(response, status, { error: message });
}

/** Sends plain text, like `Ollama is running` or gin's `404 page not found`. */
export function sendText(response: ServerResponse, status: number, text: string): void {
	if (response.headersSent || response.destroyed) return;
	response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
	response.end(text);
}
