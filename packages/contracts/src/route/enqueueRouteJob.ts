import type { Queue } from 'bullmq';
import { DefaultJobOptions } from '../queues/defaultJobOptions.js';
import { assertValidJobId } from '../queues/jobIds.js';
import type { JobInput, RouteJob } from '../queues/jobSchemas.js';
import { buildJobData } from '../queues/parseJobData.js';
import { QueueName } from '../queues/queueNames.js';
import { routeJobPriority } from './routeJobPriority.js';

/**
 * Adds a route job, the one way every producer does: the payload validated (defaults filled in), the job's own
 * deterministic `jobId` (so a replayed event, click or retry adds it once), {@link DefaultJobOptions}, and the guild's
 * fair-share priority ({@link routeJobPriority}, which counts the job as the guild's load). The job is named after its
 * trigger unless `name` says otherwise. Resolves the validated payload.
 */
export async function enqueueRouteJob(queue: Queue, jobId: string, input: JobInput<typeof QueueName.Route>, name: string = input.trigger): Promise<RouteJob> {
	const data = buildJobData(QueueName.Route, input);
	await queue.add(name, data, { ...DefaultJobOptions, jobId: assertValidJobId(jobId), priority: await routeJobPriority(queue, data.message) });
	return data;
}
