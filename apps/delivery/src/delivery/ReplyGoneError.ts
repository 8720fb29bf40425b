import { UnrecoverableError } from 'bullmq';

/** A reply to regenerate can no longer be edited: deleted from Discord, or posted through a webhook that is gone since. */
export class ReplyGoneError extends UnrecoverableError {
	public constructor(
		public readonly messageId: string,
		reason: string,
	) {
		super(`reply part ${messageId} can no longer be edited: ${reason}`);
		this.name = 'ReplyGoneError';
	}
}
