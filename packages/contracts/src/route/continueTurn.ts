import type { Queue } from 'bullmq';
import { messageJobId } from '../queues/jobIds.js';
import type { RouteJob } from '../queues/jobSchemas.js';
import { enqueueRouteJob } from './enqueueRouteJob.js';

/**
 * Hands the member message to the next character addressed with this one, once this one's answer has ended (posted, or
 * given up on): characters named together answer in turn, each prompt seeing the answers before it. The next job's id
 * is the one the gateway would have given it, so a retried delivery or failure adds it once. Returns its id, if any.
 */
export async function continueTurn(routeQueue: Queue, route: RouteJob): Promise<string | undefined> {
	const [next, ...rest] = route.followers;
	if (next === undefined) return undefined;
	const jobId = messageJobId(route.message.id, next.characterId);
	await enqueueRouteJob(routeQueue, jobId, {
		jobKey: jobId,
		message: route.message,
		characterId: next.characterId,
		trigger: next.trigger,
		cascadeDepth: route.cascadeDepth,
		failedAttempts: [],
		followers: rest,
		...(route.turnOf === undefined ? {} : { turnOf: route.turnOf }),
	});
	return jobId;
}
