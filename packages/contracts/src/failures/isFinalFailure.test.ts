import { DelayedError, UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { isFinalFailure } from './isFinalFailure.js';

// Shaped like the delivery errors: a subclass of UnrecoverableError that names itself.
class RefusedError extends UnrecoverableError {
	public constructor() {
		super('Discord refused POST /webhooks/:id/:token (code 50013, HTTP 403)');
		this.name = 'RefusedError';
	}
}

describe('isFinalFailure', () => {
	const firstOfSix = { attemptsMade: 0, opts: { attempts: 6 } };
	const lastOfSix = { attemptsMade: 5, opts: { attempts: 6 } };

	it('is true for an UnrecoverableError at any attempt, and for any error on the last attempt', () => {
		expect(isFinalFailure(firstOfSix, new UnrecoverableError('bad payload'))).toBe(true);
		expect(isFinalFailure(lastOfSix, new Error('ECONNRESET'))).toBe(true);
		expect(isFinalFailure({ attemptsMade: 0, opts: {} }, new Error('one attempt only'))).toBe(true);
	});

	it('is true for a subclass of UnrecoverableError with a name of its own, and for an error named UnrecoverableError', () => {
		const refused = new RefusedError();
		expect(refused.name).toBe('RefusedError');
		expect(isFinalFailure(firstOfSix, refused)).toBe(true);
		expect(isFinalFailure(firstOfSix, refused, 'counted')).toBe(true);
		const named = Object.assign(new Error('from another copy of bullmq'), { name: 'UnrecoverableError' });
		expect(isFinalFailure(firstOfSix, named)).toBe(true);
	});

	it('is false while attempts remain, and for the errors that only defer a job', () => {
		expect(isFinalFailure(firstOfSix, new Error('ECONNRESET'))).toBe(false);
		expect(isFinalFailure(lastOfSix, new DelayedError())).toBe(false);
		expect(isFinalFailure(lastOfSix, new Error('bullmq:rateLimitExceeded'))).toBe(false);
	});

	it('counts the failed attempt itself when judged in a failed listener', () => {
		expect(isFinalFailure(lastOfSix, new Error('ECONNRESET'), 'counted')).toBe(false);
		expect(isFinalFailure({ attemptsMade: 6, opts: { attempts: 6 } }, new Error('ECONNRESET'), 'counted')).toBe(true);
		expect(isFinalFailure({ attemptsMade: 1, opts: {} }, new Error('one attempt only'), 'counted')).toBe(true);
	});

	it('is true for a failed event that lost its job', () => {
		expect(isFinalFailure(undefined, new Error('ECONNRESET'), 'counted')).toBe(true);
	});
});
