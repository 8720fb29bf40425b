import { type Job, Queue } from 'bullmq';
import { CharbotJob } from './CharbotJob.js';

/** A BullMQ queue whose reads (`getJob`, `getFailed`, …) return {@link CharbotJob}s, so one job with unreadable data cannot break them. */
export class CharbotQueue extends Queue {
	protected override get Job(): typeof Job {
		return CharbotJob;
	}
}
