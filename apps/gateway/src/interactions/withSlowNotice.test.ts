import { describe, expect, it } from 'vitest';
import { withSlowNotice } from './withSlowNotice.js';

/** A promise the test settles itself, so which comes first never depends on how long something takes. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((settle, fail) => {
		resolve = settle;
		reject = fail;
	});
	return { promise, resolve, reject };
}

describe('withSlowNotice', () => {
	it('says nothing when the work is quick', async () => {
		const notices: string[] = [];
		expect(
			await withSlowNotice(
				Promise.resolve('done'),
				200,
				async () => notices.push('slow'),
				() => undefined,
			),
		).toBe('done');
		expect(notices).toEqual([]);
	});

	it('gives the notice once when the work is slow, before the result', async () => {
		const events: string[] = [];
		// The work ends only once the notice has been given: it is slow however loaded the machine is.
		const finish = deferred<string>();
		const work = finish.promise.then((value) => {
			events.push('work');
			return value;
		});
		const result = await withSlowNotice(
			work,
			10,
			async () => {
				events.push('notice');
				finish.resolve('done');
			},
			() => undefined,
		);
		events.push(result);
		expect(events).toEqual(['notice', 'work', 'done']);
	});

	it('passes on the work failure, and a failed notice only to its handler', async () => {
		const errors: unknown[] = [];
		const failing = deferred<null>();
		await expect(
			withSlowNotice(
				failing.promise,
				5,
				() => {
					failing.reject(new Error('redis went away'));
					return Promise.reject(new Error('edit failed'));
				},
				(error) => errors.push(error),
			),
		).rejects.toThrow('redis went away');
		expect(String(errors[0])).toMatch(/edit failed/);
	});
});
