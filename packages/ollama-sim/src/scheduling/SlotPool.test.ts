import { describe, expect, it } from 'vitest';
import { SlotPool } from './SlotPool.js';

describe('SlotPool', () => {
	it('lets size holders in and serves the rest first come, first served', async () => {
		const pool = new SlotPool(2);
		await pool.acquire();
		await pool.acquire();
		const order: number[] = [];
		const waiting = [1, 2, 3].map((n) => pool.acquire().then(() => order.push(n)));
		expect(pool.waiting).toBe(3);
		pool.release();
		pool.release();
		pool.release();
		await Promise.all(waiting);
		expect(order).toEqual([1, 2, 3]);
		expect(pool.active).toBe(2);
	});

	it('drops a waiter whose signal aborts, without losing the slot', async () => {
		const pool = new SlotPool(1);
		await pool.acquire();
		const controller = new AbortController();
		const gaveUp = pool.acquire(controller.signal);
		const next = pool.acquire();
		controller.abort(new Error('gone'));
		await expect(gaveUp).rejects.toThrow('gone');
		expect(pool.waiting).toBe(1);
		pool.release();
		await next;
		expect(pool.active).toBe(1);
		pool.release();
		expect(pool.active).toBe(0);
	});

	it('refuses a size below one', () => {
		expect(() => new SlotPool(0)).toThrow(/at least 1/);
	});
});
