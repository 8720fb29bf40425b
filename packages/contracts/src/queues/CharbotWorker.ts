import { type Job, type Processor, Worker, type WorkerOptions } from 'bullmq';
import { CharbotJob } from './CharbotJob.js';

/**
 * Times a job may be found stalled (its worker died or lost its lock) before it fails for good. BullMQ's default of 1
 * loses a member's message when two crashes in a row catch the same job; re-running a job is safe here (every next job
 * id is deterministic and delivery claims each part), and a job active in five crashes in a row is likely their cause.
 */
export const MaxStalledCount = 5;

/**
 * A BullMQ worker whose jobs are {@link CharbotJob}s (a job with unreadable stored data fails for good instead of looping)
 * and which retries stalled jobs up to {@link MaxStalledCount} times.
 */
export class CharbotWorker extends Worker {
	public constructor(name: string, processor: Processor, options: WorkerOptions) {
		super(name, processor, { maxStalledCount: MaxStalledCount, ...options });
	}

	protected override get Job(): typeof Job {
		return CharbotJob;
	}
}
