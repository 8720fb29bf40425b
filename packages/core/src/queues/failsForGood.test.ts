import { DelayedError, UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { failsForGood } from './failsForGood.js';

describe('failsForGood', () => {
	const firstOfSix = { attemptsMade: 0, opts: { attempts: 6 } };
	const lastOfSix = { attemptsMade: 5, opts: { attempts: 6 } };

	it('is true for an UnrecoverableError at any attempt, and for any error on the last attempt', () => {
		expect(failsForGood(firstOfSix, new UnrecoverableError('bad payload'))).toBe(true);
		expect(failsForGood(lastOfSix, new Error('ECONNRESET'))).toBe(true);
		expect(failsForGood({ attemptsMade: 0, opts: {} }, new Error('one attempt only'))).toBe(true);
	});

	it('is false while attempts remain, and for the errors that only defer a job', () => {
		expect(failsForGood(firstOfSix, new Error('ECONNRESET'))).toBe(false);
		expect(failsForGood(lastOfSix, new DelayedError())).toBe(false);
		expect(failsForGood(lastOfSix, new Error('bullmq:rateLimitExceeded'))).toBe(false);
	});
});
