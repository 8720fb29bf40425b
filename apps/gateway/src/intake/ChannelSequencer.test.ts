import { describe, expect, it } from 'vitest';
import { ChannelSequencer } from './ChannelSequencer.js';
import { PendingWork } from './PendingWork.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise the test settles itself, so an order never depends on how long something takes. */
function deferred<T = void>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((settle) => {
		resolve = settle;
	});
	return { promise, resolve };
}

describe('ChannelSequencer', () => {
	it('runs one channel in submission order, even when a later task is faster', async () => {
		const sequencer = new ChannelSequencer();
		const order: string[] = [];
		// a1 finishes only after b1 has run: a2, ready at once, must still wait for it.
		const b1Ran = deferred();
		await Promise.all([
			sequencer.run('a', async () => {
				await b1Ran.promise;
				order.push('a1');
			}),
			sequencer.run('a', async () => {
				order.push('a2');
			}),
			sequencer.run('b', async () => {
				order.push('b1');
				b1Ran.resolve();
			}),
		]);
		expect(order).toEqual(['b1', 'a1', 'a2']);
		await sleep(0);
		expect(sequencer.size).toBe(0);
	});

	it('keeps going after a task fails, and hands the failure to its caller', async () => {
		const sequencer = new ChannelSequencer();
		const failed = sequencer.run('a', async () => {
			throw new Error('boom');
		});
		const next = sequencer.run('a', async () => 'after');
		await expect(failed).rejects.toThrow('boom');
		await expect(next).resolves.toBe('after');
	});
});

describe('PendingWork', () => {
	it('waits for tracked work, bounded in time', async () => {
		const pending = new PendingWork();
		const quick = deferred();
		void pending.track(quick.promise);
		expect(pending.size).toBe(1);
		const draining = pending.drain(1000);
		quick.resolve();
		expect(await draining).toBe(true);
		expect(pending.size).toBe(0);
		const stuck = deferred();
		void pending.track(stuck.promise);
		expect(await pending.drain(20), 'work that never ends is given up at the bound').toBe(false);
		stuck.resolve();
	});
});
