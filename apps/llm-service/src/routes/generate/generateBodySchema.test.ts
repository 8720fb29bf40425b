import { describe, expect, it } from 'vitest';
import { parseBody } from '../../http/parseBody.js';
import { RequestValidationError } from '../../http/RequestValidationError.js';
import { generateBodySchema } from './generateBodySchema.js';
import { toGenerateRequest } from './toGenerateRequest.js';

function issuesOf(body: unknown) {
	try {
		parseBody(generateBodySchema, body);
	} catch (error) {
		if (error instanceof RequestValidationError) return error.issues;
		throw error;
	}
	throw new Error('the body was accepted');
}

describe('generateBodySchema', () => {
	it('needs a prompt or messages, not both', () => {
		expect(issuesOf({ character: 'peter' })).toEqual([{ field: 'prompt', message: 'is required (or give `messages`)' }]);
		expect(issuesOf({ prompt: 'hi', messages: [{ role: 'user', content: 'hi' }] })).toEqual([
			{ field: 'messages', message: 'give `prompt` or `messages`, not both' },
		]);
	});

	it('names every wrong type and unknown field, nested ones by their path', () => {
		const fields = issuesOf({ prompt: 42, settings: { temperature: 'hot', maxTokens: 5 }, use_cache: 'yes', extra: 1 }).map((issue) => issue.field);
		expect(fields.sort()).toEqual(['extra', 'prompt', 'settings.maxTokens', 'settings.temperature', 'use_cache']);
		expect(issuesOf({ messages: [{ role: 'tool', content: 'x' }] })[0]?.field).toBe('messages.0.role');
		expect(issuesOf(undefined)).toEqual([{ field: '(body)', message: 'missing request body; send a JSON object' }]);
	});

	it('turns a body into a pool request: snake_case settings, system first, cache on by default', () => {
		const body = parseBody(generateBodySchema, {
			messages: [{ role: 'user', content: 'Hey Stewie' }],
			system: 'You are Stewie.',
			character: 'stewie',
			conversation_id: 'c-1',
			settings: { temperature: 0.4, max_tokens: 64, top_p: 0.5, top_k: 20, repeat_penalty: 1.2, stop: ['END'], seed: 7 },
		});
		const request = toGenerateRequest(body);
		expect(request).toMatchObject({
			messages: [
				{ role: 'system', content: 'You are Stewie.' },
				{ role: 'user', content: 'Hey Stewie' },
			],
			character: 'stewie',
			conversationId: 'c-1',
			useCache: true,
			settings: { temperature: 0.4, maxTokens: 64, topP: 0.5, topK: 20, repeatPenalty: 1.2, stop: ['END'], seed: 7 },
		});
		expect(request).not.toHaveProperty('system');
		expect(toGenerateRequest(parseBody(generateBodySchema, { prompt: 'hi', system: 'be brief', use_cache: false }))).toMatchObject({
			prompt: 'hi',
			system: 'be brief',
			useCache: false,
		});
	});
});
