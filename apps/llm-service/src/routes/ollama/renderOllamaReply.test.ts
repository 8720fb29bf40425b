import type { GenerateResult } from '@charbot/llm';
import { describe, expect, it } from 'vitest';
import { renderOllamaLoadReply } from './renderOllamaLoadReply.js';
import { renderOllamaReply } from './renderOllamaReply.js';
import { splitReplyText } from './splitReplyText.js';

const result: GenerateResult = {
	text: 'Well, hello  there!\nHow are you?',
	model: 'llama3.2:1b',
	host: 'http://a:11434',
	generationTimeMs: 250,
	cacheHit: false,
	coalesced: false,
	promptTokens: 9,
	evalTokens: 11,
	promptHash: 'abc',
	doneReason: 'stop',
	attempts: 1,
};
const at = new Date('2026-01-02T03:04:05.000Z');

describe('splitReplyText', () => {
	it('cuts a text into word pieces that join back to it exactly', () => {
		const pieces = splitReplyText(result.text);
		expect(pieces).toEqual(['Well,', ' hello', '  there!', '\nHow', ' are', ' you?']);
		expect(pieces.join('')).toBe(result.text);
		expect(splitReplyText(' lead and trail ').join('')).toBe(' lead and trail ');
		expect(splitReplyText('')).toEqual([]);
	});
});

describe('renderOllamaReply', () => {
	it('streams chat chunks, then a final chunk with done, the reason, counts and durations in ns', () => {
		const { chunks, whole } = renderOllamaReply('chat', result, at);
		expect(chunks).toHaveLength(7);
		expect(chunks[0]).toEqual({ model: 'llama3.2:1b', created_at: at.toISOString(), message: { role: 'assistant', content: 'Well,' }, done: false });
		expect(chunks.at(-1)).toEqual({
			model: 'llama3.2:1b',
			created_at: at.toISOString(),
			message: { role: 'assistant', content: '' },
			done: true,
			done_reason: 'stop',
			total_duration: 250_000_000,
			prompt_eval_count: 9,
			eval_count: 11,
			eval_duration: 250_000_000,
		});
		expect(whole).toMatchObject({ message: { role: 'assistant', content: result.text }, done: true, eval_count: 11 });
	});

	it('uses `response` for generate, and answers load and unload requests', () => {
		expect(renderOllamaReply('generate', result, at).whole).toMatchObject({ response: result.text, done_reason: 'stop' });
		expect(renderOllamaLoadReply('generate', 'm', false, at)).toEqual({
			model: 'm',
			created_at: at.toISOString(),
			response: '',
			done_reason: 'load',
			done: true,
		});
		expect(renderOllamaLoadReply('chat', 'm', true, at)).toMatchObject({ message: { role: 'assistant', content: '' }, done_reason: 'unload' });
	});
});
