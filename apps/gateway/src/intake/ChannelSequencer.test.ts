import { describe, expect, it } from 'vitest';
import { ChannelSequencer } from './ChannelSequencer.js';
import { PendingWork } from './PendingWork.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ChannelSequencer', () => {
	it('runs one channel in submission order, even when a later task is faster', async () => {
		const sequencer = new ChannelSequencer();
		const order: string[] = [];
		await Promise.all([
			sequencer.run('a', async () => {
				await sleep(30);
				order.push('a1');
			}),
			sequencer.run('a', async () => {
				order.push('a2');
			}),
			sequencer.run('b', async () => {
				order.push('b1');
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
		void pending.track(sleep(20));
		expect(pending.size).toBe(1);
		expect(await pending.drain(1000)).toBe(true);
		expect(pending.size).toBe(0);
		void pending.track(sleep(500));
		expect(await pending.drain(20)).toBe(false);
	});
});
