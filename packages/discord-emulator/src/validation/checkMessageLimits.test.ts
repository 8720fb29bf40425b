import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from './checkMessageLimits.js';

describe('checkMessageLimits', () => {
	it('accepts exactly 2000 characters', () => {
		expect(checkMessageLimits({ content: 'a'.repeat(2000) })).toBeNull();
	});

	it('counts characters as Discord does, in code points: 2000 emoji fit, 2001 do not', () => {
		expect(checkMessageLimits({ content: '😀'.repeat(2000) })).toBeNull();
		expect(checkMessageLimits({ content: '😀'.repeat(2001) })?.status).toBe(400);
	});

	it('answers 2001 characters with the 50035 body Discord sends', () => {
		const failure = checkMessageLimits({ content: 'a'.repeat(2001) });
		expect(failure?.status).toBe(400);
		expect(failure?.body).toEqual({
			code: 50035,
			message: 'Invalid Form Body',
			errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
		});
	});

	it('refuses an empty message with 50006 unless something else is attached', () => {
		expect(checkMessageLimits({ content: '  ' })?.body).toEqual({ code: 50006, message: 'Cannot send an empty message' });
		expect(checkMessageLimits({ content: '', embeds: [{ title: 'hi' }] })).toBeNull();
		expect(checkMessageLimits({ attachmentCount: 1 })).toBeNull();
		expect(checkMessageLimits({}, { requireSomething: false })).toBeNull();
	});

	it('limits embeds by count, field sizes and total characters', () => {
		expect(checkMessageLimits({ embeds: Array.from({ length: 11 }, () => ({ title: 'x' })) })?.body.errors).toEqual({
			embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' }] },
		});
		expect(checkMessageLimits({ embeds: [{ title: 't'.repeat(257) }] })?.body.errors).toMatchObject({
			embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
		});
		const big = Array.from({ length: 2 }, () => ({ description: 'd'.repeat(3500) }));
		expect(checkMessageLimits({ embeds: big })?.body.errors).toMatchObject({ embeds: { _errors: [{ code: 'MESSAGE_EMBEDS_TOO_LONG' }] } });
	});
});
