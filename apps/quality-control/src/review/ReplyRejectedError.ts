import { UnrecoverableError } from 'bullmq';

/**
 * Ends a review job whose every attempt failed review: an expected outcome (the member gets the `no-good-answer`
 * notice), not a fault, so it is logged without a stack. It keeps `UnrecoverableError`'s name, by which BullMQ and
 * `failsForGood` know a job that must not be retried.
 */
export class ReplyRejectedError extends UnrecoverableError {
	public constructor(message: string) {
		super(message);
		this.name = 'UnrecoverableError';
	}
}
