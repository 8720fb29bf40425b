import { LlmError, ModelNotFoundError } from '@charbot/llm';
import { AccessDeniedError } from './AccessDeniedError.js';
import type { FieldIssue } from './FieldIssue.js';
import { RequestValidationError } from './RequestValidationError.js';
import { statusForLlmError } from './statusForLlmError.js';

/** How a failed request is answered: the status, the native body and the Ollama-style message. */
export interface HttpErrorAnswer {
	readonly status: number;
	readonly body: { readonly error: string; readonly code?: string; readonly issues?: readonly FieldIssue[] };
	/** The text of Ollama's `{"error": "..."}` body, for the `/api/*` routes. */
	readonly ollamaMessage: string;
	/** A fault of the service itself, worth an error log line. */
	readonly unexpected: boolean;
	/** Headers the answer carries, e.g. the `WWW-Authenticate` challenge of a 401. */
	readonly headers?: Readonly<Record<string, string>>;
}

/** Describes any error thrown while serving a request. */
export function describeHttpError(error: unknown, bodyLimitBytes: number): HttpErrorAnswer {
	if (error instanceof AccessDeniedError) {
		return {
			status: error.statusCode,
			body: { error: error.message, code: error.code },
			ollamaMessage: error.message,
			unexpected: false,
			...(error.statusCode === 401 ? { headers: { 'www-authenticate': 'Bearer realm="charbot-llm-service"' } } : {}),
		};
	}
	if (error instanceof RequestValidationError) {
		return {
			status: error.statusCode,
			body: { error: `invalid request: ${error.message}`, code: 'invalid-request', issues: error.issues },
			ollamaMessage: error.message,
			unexpected: false,
		};
	}
	if (error instanceof LlmError) {
		const ollamaMessage =
			error instanceof ModelNotFoundError
				? `model '${error.model}' not found on any host (${error.hosts.join(', ')}); pull it with: ollama pull ${error.model}`
				: error.message;
		return { status: statusForLlmError(error), body: { error: error.message, code: error.code }, ollamaMessage, unexpected: false };
	}
	const fastify = error as { code?: unknown; statusCode?: unknown; message?: unknown };
	if (fastify.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
		const message = `is larger than the ${bodyLimitBytes}-byte limit`;
		return {
			status: 413,
			body: { error: `request body ${message}`, code: 'body-too-large', issues: [{ field: '(body)', message }] },
			ollamaMessage: `request body ${message}`,
			unexpected: false,
		};
	}
	if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
		const message = typeof fastify.message === 'string' ? fastify.message : 'bad request';
		return {
			status: fastify.statusCode,
			body: { error: message, code: typeof fastify.code === 'string' ? fastify.code : 'bad-request' },
			ollamaMessage: message,
			unexpected: false,
		};
	}
	return { status: 500, body: { error: 'internal error', code: 'internal' }, ollamaMessage: 'internal error', unexpected: true };
}
