import type { IncomingMessage } from 'node:http';
import { BadRequestError } from './BadRequestError.js';

const maxBodyBytes = 64 * 1024 * 1024;

/**
 * Reads and parses a JSON object body, failing with the 400 texts of Ollama's Go decoder
 * (`missing request body`, `invalid character ...`, `unexpected EOF`, `json: cannot unmarshal ...`).
 * `goType` names the request struct in those texts, e.g. `api.ChatRequest`.
 */
export async function readJsonBody(request: IncomingMessage, goType: string): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > maxBodyBytes) throw new BadRequestError('http: request body too large');
		chunks.push(chunk as Buffer);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '') throw new BadRequestError('missing request body');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new BadRequestError(describeSyntaxError(text));
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new BadRequestError(`json: cannot unmarshal ${jsonKind(value)} into Go value of type ${goType}`);
	}
	return value as Record<string, unknown>;
}

/** The JSON kind of a value, as Go's decoder names it in errors. */
export function jsonKind(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'object' : typeof value === 'boolean' ? 'bool' : typeof value;
}

function describeSyntaxError(text: string): string {
	const trimmed = text.trimStart();
	const first = trimmed.charAt(0);
	if (!/[{["\-0-9tfn]/.test(first)) return `invalid character '${first}' looking for beginning of value`;
	return 'unexpected EOF';
}
