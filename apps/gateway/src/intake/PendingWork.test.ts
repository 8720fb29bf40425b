import { describe, expect, it } from 'vitest';
import { PendingWork } from './PendingWork.js';

describe('PendingWork', () => {
	it('is idle only once tracked work and the work it started have settled', async () => {
		const pending = new PendingWork();
		const done: string[] = [];
		let finishFirst = () => undefined as void;
		const first = new Promise<void>((resolve) => {
			finishFirst = resolve;
		});
		void pending.track(
			first.then(() => {
				done.push('first');
				void pending.track(Promise.reject(new Error('side work failed')).catch(() => done.push('side')));
			}),
		);
		const idle = pending.idle().then(() => done.push('idle'));
		await Promise.resolve();
		expect(done).toEqual([]);
		finishFirst();
		await idle;
		expect(done).toEqual(['first', 'side', 'idle']);
		expect(pending.size).toBe(0);
	});
});
