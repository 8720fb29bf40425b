import { LlmError, ModelNotFoundError } from '@charbot/llm';
import { describe, expect, it } from 'vitest';
import { describeHttpError } from './describeHttpError.js';
import { RequestValidationError } from './RequestValidationError.js';
import { LlmErrorStatus } from './statusForLlmError.js';

describe('describeHttpError', () => {
	it('maps each LLM error code to its documented status with a { error, code } body', () => {
		const expected = {
			'invalid-request': 400,
			'model-not-found': 404,
			'no-host-available': 503,
			upstream: 503,
			aborted: 503,
			'deadline-exceeded': 504,
			'structured-output': 502,
		};
		expect(LlmErrorStatus).toEqual(expected);
		const answer = describeHttpError(new LlmError('deadline-exceeded', 'no host answered in time', true), 1024);
		expect(answer).toMatchObject({ status: 504, body: { error: 'no host answered in time', code: 'deadline-exceeded' }, unexpected: false });
	});

	it('words a missing model as Ollama does, so Ollama clients recognise it', () => {
		const answer = describeHttpError(new ModelNotFoundError('nope:1b', ['http://a:11434']), 1024);
		expect(answer.status).toBe(404);
		expect(answer.ollamaMessage).toMatch(/^model 'nope:1b' not found/);
		expect(answer.body.code).toBe('model-not-found');
	});

	it('lists validation issues by field and reads "is ..." messages as sentences', () => {
		const answer = describeHttpError(
			new RequestValidationError([
				{ field: 'model', message: 'is required' },
				{ field: 'settings.top_p', message: 'Too big' },
			]),
			1024,
		);
		expect(answer.status).toBe(400);
		expect(answer.body.issues).toHaveLength(2);
		expect(answer.ollamaMessage).toBe('model is required; settings.top_p: Too big');
	});

	it('answers an oversize body with 413 naming the body and the limit', () => {
		const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
		expect(describeHttpError(tooLarge, 2048)).toMatchObject({
			status: 413,
			body: { issues: [{ field: '(body)', message: 'is larger than the 2048-byte limit' }] },
		});
	});

	it('hides the details of an unexpected fault behind a 500', () => {
		expect(describeHttpError(new TypeError('x is undefined'), 1024)).toMatchObject({ status: 500, body: { error: 'internal error' }, unexpected: true });
	});
});
