import type { ServerResponse } from 'node:http';
import { sendJson } from '../../http/sendJson.js';
import type { OpenAiError } from './OpenAiError.js';

/** Sends OpenAI's error shape, which the official client turns into its error classes by status. */
export function sendOpenAiError(response: ServerResponse, error: OpenAiError): void {
	sendJson(response, error.status, { error: { message: error.message, type: error.type, param: error.param, code: error.code } });
}
