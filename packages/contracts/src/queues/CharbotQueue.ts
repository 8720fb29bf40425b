import { type Job, Queue, type QueueOptions } from 'bullmq';
import { CharbotJob } from './CharbotJob.js';
import { DefaultJobOptions } from './defaultJobOptions.js';

/**
 * Events each queue keeps in its BullMQ event stream (BullMQ's default is 10,000). No part of the platform reads the
 * stream (no `QueueEvents` listener), yet every job writes three to five events to it; a short stream keeps a live
 * dashboard's tail and spares Redis the memory. Trimming is approximate (`MAXLEN ~`), by whole stream nodes.
 */
export const QueueEventsMaxLen = 100;

/**
 * A BullMQ queue whose reads (`getJob`, `getFailed`, …) return {@link CharbotJob}s, so one job with unreadable data cannot
 * break them, and whose jobs get {@link DefaultJobOptions} unless the queue or the job says otherwise: a job added with
 * options of its own (only a `jobId`) is still retried, and removed once old or too many. Its event stream is capped at
 * {@link QueueEventsMaxLen}.
 */
export class CharbotQueue extends Queue {
	public constructor(name: string, options: QueueOptions) {
		super(name, {
			...options,
			defaultJobOptions: { ...DefaultJobOptions, ...options.defaultJobOptions },
			streams: { ...options.streams, events: { maxLen: QueueEventsMaxLen, ...options.streams?.events } },
		});
	}

	protected override get Job(): typeof Job {
		return CharbotJob;
	}
}
