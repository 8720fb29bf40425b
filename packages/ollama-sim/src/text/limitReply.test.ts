import { describe, expect, it } from 'vitest';
import { limitReply } from './limitReply.js';

describe('limitReply', () => {
	const text = 'One two three. Human: four five six.';

	it('ends before the first stop sequence, which is not included', () => {
		expect(limitReply(text, { stop: ['Human:'], maxTokens: Number.POSITIVE_INFINITY })).toMatchObject({ text: 'One two three. ', doneReason: 'stop' });
		expect(limitReply(text, { stop: ['six', 'two'], maxTokens: 100 }).text).toBe('One ');
	});

	it('cuts at max tokens with done reason length', () => {
		const limited = limitReply(text, { maxTokens: 3 });
		expect(limited).toMatchObject({ text: 'One two three', doneReason: 'length' });
		expect(limited.tokens).toEqual(['One', ' two', ' three']);
	});

	it('reports stop when the reply fits', () => {
		expect(limitReply(text, { maxTokens: 100 }).doneReason).toBe('stop');
		expect(limitReply(text, { stop: [''], maxTokens: 100 }).text).toBe(text);
	});
});
