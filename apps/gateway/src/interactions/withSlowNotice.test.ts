import { describe, expect, it } from 'vitest';
import { withSlowNotice } from './withSlowNotice.js';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('withSlowNotice', () => {
	it('says nothing when the work is quick', async () => {
		const notices: string[] = [];
		expect(
			await withSlowNotice(
				after(5, 'done'),
				200,
				async () => notices.push('slow'),
				() => undefined,
			),
		).toBe('done');
		expect(notices).toEqual([]);
	});

	it('gives the notice once when the work is slow, before the result', async () => {
		const events: string[] = [];
		const work = after(80, 'done').then((value) => {
			events.push('work');
			return value;
		});
		const result = await withSlowNotice(
			work,
			10,
			async () => events.push('notice'),
			() => undefined,
		);
		events.push(result);
		expect(events).toEqual(['notice', 'work', 'done']);
	});

	it('passes on the work failure, and a failed notice only to its handler', async () => {
		const errors: unknown[] = [];
		const failing = after(30, null).then(() => Promise.reject(new Error('redis went away')));
		await expect(
			withSlowNotice(
				failing,
				5,
				() => Promise.reject(new Error('edit failed')),
				(error) => errors.push(error),
			),
		).rejects.toThrow('redis went away');
		expect(String(errors[0])).toMatch(/edit failed/);
	});
});
