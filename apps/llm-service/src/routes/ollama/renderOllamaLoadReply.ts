import type { OllamaEndpoint } from './renderOllamaReply.js';

/** Answers an Ollama load request (no messages or prompt) or, with `keep_alive: 0`, an unload request. */
export function renderOllamaLoadReply(endpoint: OllamaEndpoint, model: string, unload: boolean, createdAt: Date): Record<string, unknown> {
	const body = endpoint === 'chat' ? { message: { role: 'assistant', content: '' } } : { response: '' };
	return { model, created_at: createdAt.toISOString(), ...body, done_reason: unload ? 'unload' : 'load', done: true };
}
