import { type Job, Queue, type QueueOptions } from 'bullmq';
import { CharbotJob } from './CharbotJob.js';
import { DefaultJobOptions } from './defaultJobOptions.js';

/**
 * A BullMQ queue whose reads (`getJob`, `getFailed`, …) return {@link CharbotJob}s, so one job with unreadable data cannot
 * break them, and whose jobs get {@link DefaultJobOptions} unless the queue or the job says otherwise: a job added with
 * options of its own (only a `jobId`) is still retried, and removed once old or too many.
 */
export class CharbotQueue extends Queue {
	public constructor(name: string, options: QueueOptions) {
		super(name, { ...options, defaultJobOptions: { ...DefaultJobOptions, ...options.defaultJobOptions } });
	}

	protected override get Job(): typeof Job {
		return CharbotJob;
	}
}
