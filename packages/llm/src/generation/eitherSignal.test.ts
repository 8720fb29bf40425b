import { describe, expect, it } from 'vitest';
import { eitherSignal } from './eitherSignal.js';

describe('eitherSignal', () => {
	it('aborts when the first aborts, with its reason', () => {
		const first = new AbortController();
		const second = new AbortController();
		const either = eitherSignal(first.signal, second.signal);
		expect(either.aborted).toBe(false);
		first.abort(new Error('first timed out'));
		expect(either.aborted).toBe(true);
		expect((either.reason as Error).message).toBe('first timed out');
	});

	it('aborts when the second aborts, and ignores the first afterwards', () => {
		const first = new AbortController();
		const second = new AbortController();
		const either = eitherSignal(first.signal, second.signal);
		second.abort('caller left');
		first.abort('too late');
		expect(either.reason).toBe('caller left');
	});

	it('is already aborted when either signal was', () => {
		const aborted = AbortSignal.abort('gone');
		expect(eitherSignal(new AbortController().signal, aborted).reason).toBe('gone');
		expect(eitherSignal(aborted, new AbortController().signal).aborted).toBe(true);
	});
});
