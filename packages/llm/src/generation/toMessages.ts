import { InvalidRequestError } from '../errors/LlmError.js';
import type { ChatMessage } from '@charbot/core';
import type { GenerateRequest } from './types.js';

/** The chat messages of a request: its `messages`, or `system` + `prompt` turned into them. */
export function toMessages(request: GenerateRequest): ChatMessage[] {
	if (request.messages && request.messages.length > 0) return [...request.messages];
	if (request.prompt === undefined || request.prompt === '') throw new InvalidRequestError('A generate request needs `messages` or a non-empty `prompt`');
	return [...(request.system ? [{ role: 'system' as const, content: request.system }] : []), { role: 'user' as const, content: request.prompt }];
}
