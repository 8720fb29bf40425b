/** The door to the queue contracts: the queues, job schemas, ids and options, route enqueueing and failure rules other workspaces use. */
export { isFinalFailure } from './failures/isFinalFailure.js';
export { createQueueMetrics } from './metrics/createQueueMetrics.js';
export { noticeStalledFailure } from './notices/noticeStalledFailure.js';
export { throwWithNoAnswerNotice } from './notices/throwWithNoAnswerNotice.js';
export { CharbotQueue, QueueEventsMaxLen } from './queues/CharbotQueue.js';
export { CharbotWorker } from './queues/CharbotWorker.js';
export { DefaultJobOptions } from './queues/defaultJobOptions.js';
export {
	assertValidJobId,
	deliverJobId,
	messageJobId,
	noAnswerNoticeJobId,
	noticeJobId,
	regenerateJobId,
	regenerateReplyJobId,
	reviewJobId,
} from './queues/jobIds.js';
export {
	type Attempt,
	characterIdSchema,
	type DeliverJob,
	type ImageRef,
	imageRefSchema,
	type IncomingMessage,
	incomingMessageSchema,
	type JobData,
	MaxImageRefs,
	MaxJobContentLength,
	MaxReplyParts,
	type Notice,
	type NoticeJob,
	type ReplacedReply,
	type ReviewJob,
	type RouteJob,
	snowflakeSchema,
	type Trigger,
	triggerSchema,
} from './queues/jobSchemas.js';
export { buildJobData, parseJobData } from './queues/parseJobData.js';
export { QueueName } from './queues/queueNames.js';
export { continueTurn } from './route/continueTurn.js';
export { enqueueRouteJob } from './route/enqueueRouteJob.js';
export { MaxJobPriority, routeJobPriority, routeLoadScope } from './route/routeJobPriority.js';
