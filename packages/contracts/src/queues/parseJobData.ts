import { UnrecoverableError } from 'bullmq';
import { formatZodIssues } from '@charbot/core';
import { type JobData, type JobInput, jobSchemas } from './jobSchemas.js';
import type { QueueName } from './queueNames.js';
import { unreadableJobDataKey } from './unreadableJobData.js';

/**
 * Validates a job payload against its queue's schema. A bad payload cannot be fixed by a retry, so it
 * throws BullMQ's `UnrecoverableError`, naming every bad field (or `data`, when `CharbotJob` could not read it).
 */
export function parseJobData<Name extends QueueName>(queue: Name, data: unknown): JobData<Name> {
	const unreadable = typeof data === 'object' && data !== null && unreadableJobDataKey in data ? String(data[unreadableJobDataKey]) : undefined;
	if (unreadable !== undefined) throw new UnrecoverableError(`Invalid ${queue} job: data: not valid JSON (${unreadable.slice(0, 200)})`);
	const result = jobSchemas[queue].safeParse(data);
	if (!result.success) throw new UnrecoverableError(`Invalid ${queue} job: ${formatZodIssues(result.error)}`);
	return result.data as JobData<Name>;
}

/** Validates a payload before it is enqueued, so producers fail loudly instead of poisoning the queue; defaults are filled in. */
export function buildJobData<Name extends QueueName>(queue: Name, data: JobInput<Name>): JobData<Name> {
	const result = jobSchemas[queue].safeParse(data);
	if (!result.success) throw new TypeError(`Invalid ${queue} job: ${formatZodIssues(result.error)}`);
	return result.data as JobData<Name>;
}
