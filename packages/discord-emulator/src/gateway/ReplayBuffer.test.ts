import { describe, expect, it } from 'vitest';
import { ReplayBuffer } from './ReplayBuffer.js';

describe('ReplayBuffer', () => {
	it('replays what came after the client last saw', () => {
		const buffer = new ReplayBuffer({ maxEvents: 10, maxBytes: 1000 });
		for (let seq = 1; seq <= 5; seq++) buffer.push(seq, `f${seq}`);
		expect(buffer.since(3)).toEqual(['f4', 'f5']);
		expect(buffer.since(5)).toEqual([]);
		expect(buffer.since(0)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
	});

	it('refuses to resume from before what it still holds, or from the future', () => {
		const buffer = new ReplayBuffer({ maxEvents: 3, maxBytes: 1000 });
		for (let seq = 1; seq <= 6; seq++) buffer.push(seq, `f${seq}`);
		expect(buffer.size).toBe(3);
		expect(buffer.since(3)).toEqual(['f4', 'f5', 'f6']);
		expect(buffer.since(2)).toBeNull();
		expect(buffer.since(7)).toBeNull();
	});

	it('is bounded by bytes as well', () => {
		const buffer = new ReplayBuffer({ maxEvents: 100, maxBytes: 10 });
		buffer.push(1, 'x'.repeat(6));
		buffer.push(2, 'y'.repeat(6));
		expect(buffer.size).toBe(1);
		expect(buffer.since(1)).toEqual(['yyyyyy']);
	});
});
