import { describe, expect, it } from 'vitest';
import { OpenAiError } from './OpenAiError.js';
import { parseChatCompletionRequest } from './parseChatCompletionRequest.js';

const refusal = (body: Record<string, unknown>) => {
	try {
		parseChatCompletionRequest(body);
	} catch (error) {
		if (error instanceof OpenAiError) return { status: error.status, message: error.message, param: error.param, code: error.code };
		throw error;
	}
	throw new Error('expected a refusal');
};
const user = [{ role: 'user', content: 'Hi' }];

describe('parseChatCompletionRequest', () => {
	it('maps OpenAI fields onto the shared inference request', () => {
		const parsed = parseChatCompletionRequest({
			model: 'llama3.2:1b',
			messages: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'assistant', content: null, tool_calls: [] },
				{
					role: 'user',
					content: [
						{ type: 'text', text: 'one' },
						{ type: 'image_url', image_url: { url: 'data:image/png;base64,aGVsbG8=' } },
						{ type: 'text', text: 'two' },
					],
				},
			],
			stream: true,
			stream_options: { include_usage: true },
			max_tokens: 50,
			max_completion_tokens: 20,
			temperature: 0.2,
			top_p: 0.9,
			stop: 'END',
			seed: 3,
			n: 1,
			top_k: 40,
			repetition_penalty: 1.1,
			repeat_penalty: 1.1,
			logit_bias: {},
			response_format: { type: 'json_object' },
		});
		expect(parsed.includeUsage).toBe(true);
		expect(parsed.inference).toMatchObject({
			kind: 'chat',
			model: 'llama3.2:1b',
			stream: true,
			format: 'json',
			isLoadRequest: false,
			messages: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'assistant', content: '' },
				{ role: 'user', content: 'one\ntwo' },
			],
			options: { numPredict: 20, temperature: 0.2, stop: ['END'], seed: 3 },
		});
		expect(parsed.inference.images).toEqual([{ message: 2, bytes: 5, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
	});

	it('defaults as Ollama’s OpenAI layer does: no stream, temperature 1, no format', () => {
		const parsed = parseChatCompletionRequest({ model: 'm', messages: user, stop: null, response_format: { type: 'text' } });
		expect(parsed.includeUsage).toBe(false);
		expect(parsed.inference).toMatchObject({ stream: false, format: undefined, options: { temperature: 1 } });
		expect(parsed.inference.options.stop).toBeUndefined();
		const schema = { type: 'object', properties: { ok: { type: 'boolean' } } };
		expect(
			parseChatCompletionRequest({ model: 'm', messages: user, response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } }).inference.format,
		).toEqual(schema);
	});

	it('refuses with 400, naming the field as OpenAI does', () => {
		expect(refusal({ messages: user })).toEqual({
			status: 400,
			message: "Missing required parameter: 'model'.",
			param: 'model',
			code: 'missing_required_parameter',
		});
		expect(refusal({ model: 'm', messages: [] })).toMatchObject({ param: 'messages', code: 'invalid_value' });
		expect(refusal({ model: 'm', messages: [{ role: 'user', content: 5 }] })).toMatchObject({
			param: 'messages[0].content',
			message: "Invalid value for 'messages[0].content': must be a string or an array of content parts.",
		});
		expect(refusal({ model: 'm', messages: [{ role: 'robot', content: 'x' }] })).toMatchObject({ param: 'messages[0].role' });
		expect(refusal({ model: 'm', messages: user, n: 2 })).toMatchObject({
			param: 'n',
			message: "Invalid value for 'n': must be 1: the simulator writes one choice.",
		});
		expect(refusal({ model: 'm', messages: user, temperature: 3 })).toMatchObject({ param: 'temperature' });
		expect(refusal({ model: 'm', messages: user, max_tokens: 0 })).toMatchObject({ param: 'max_tokens' });
		expect(refusal({ model: 'm', messages: user, stop: [1] })).toMatchObject({ param: 'stop[0]', message: "Invalid value for 'stop[0]': must be a string." });
		expect(refusal({ model: 'm', messages: user, response_format: { type: 'yaml' } })).toMatchObject({ param: 'response_format.type' });
		expect(refusal({ model: 'm', messages: user, response_format: { type: 'json_schema' } })).toMatchObject({ param: 'response_format.json_schema' });
	});

	it('takes images only as data URLs, decoded as Go decodes base64', () => {
		const image = (url: string) => ({ model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }] });
		expect(refusal(image('https://example.com/a.png'))).toMatchObject({ param: 'messages[0].content[0].image_url.url', code: 'invalid_image_url' });
		expect(refusal(image('data:image/png;base64,aGVsbG8'))).toMatchObject({
			message: "Invalid image in 'messages[0].content[0].image_url.url': illegal base64 data at input byte 4.",
		});
		expect(refusal({ model: 'm', messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }] })).toMatchObject({
			param: 'messages[0].content[0].type',
			message: "Invalid value for 'messages[0].content[0].type': must be a part of type text or image_url.",
		});
	});
});
