import { UnrecoverableError } from 'bullmq';

/**
 * Ends a review job whose every attempt failed review: an expected outcome (the member gets the `no-good-answer`
 * notice), not a fault, so it is logged without a stack. As an `UnrecoverableError` it is never retried (`isFinalFailure`).
 */
export class ReplyRejectedError extends UnrecoverableError {}
