import { QueueName } from '@charbot/contracts';

/** A job payload that fails its queue's schema, and the fields its failure must name. */
export interface MalformedJob {
	readonly queue: QueueName;
	readonly jobId: string;
	readonly data: unknown;
	/** Each must appear in the job's failed reason. */
	readonly namedFields: readonly RegExp[];
}

/** Payloads that fail the zod schemas of the route, review and deliver queues in different ways (none can post anything). */
export function malformedJobs(ids: {
	readonly channelId: string;
	readonly guildId: string;
	readonly authorId: string;
	readonly messageId: string;
}): MalformedJob[] {
	const message = {
		id: ids.messageId,
		channelId: ids.channelId,
		guildId: ids.guildId,
		author: { id: ids.authorId, username: 'mallory', displayName: 'Mallory', isBot: false },
		content: 'Peter, @everyone',
		createdAt: Date.now(),
	};
	const route = { jobKey: 'hx-valid-key', message, characterId: 'peter', trigger: 'name', cascadeDepth: 0 };
	const candidate = { text: '@everyone', model: 'llama3.2:1b', host: 'sim', role: 'chat' };
	return [
		{ queue: QueueName.Route, jobId: 'hx-bad-route-empty', data: {}, namedFields: [/jobKey/, /message/, /characterId/] },
		{
			queue: QueueName.Route,
			jobId: 'hx-bad-route-fields',
			data: { ...route, characterId: 'Peter Griffin', message: { ...message, channelId: 'general' } },
			namedFields: [/characterId/, /message\.channelId/],
		},
		{
			queue: QueueName.Route,
			jobId: 'hx-bad-route-trigger',
			data: { ...route, trigger: 'everyone', cascadeDepth: -1 },
			namedFields: [/trigger/, /cascadeDepth/],
		},
		{
			queue: QueueName.Route,
			jobId: 'hx-bad-route-content',
			data: { ...route, message: { ...message, content: 'x'.repeat(6001), author: { ...message.author, id: '<@&1>' } } },
			namedFields: [/message\.content/, /message\.author\.id/],
		},
		{ queue: QueueName.Review, jobId: 'hx-bad-review', data: route, namedFields: [/candidate/] },
		{ queue: QueueName.Review, jobId: 'hx-bad-review-text', data: { ...route, candidate: { ...candidate, text: 7 } }, namedFields: [/candidate\.text/] },
		{
			queue: QueueName.Deliver,
			jobId: 'hx-bad-deliver',
			data: { ...route, text: '', score: 7, model: 'llama3.2:1b' },
			namedFields: [/text/, /score/],
		},
		{
			queue: QueueName.Deliver,
			jobId: 'hx-bad-deliver-interaction',
			data: { ...route, text: '@everyone', score: 1, model: 'm', interaction: { id: ids.messageId, applicationId: ids.messageId, interactionToken: 'short' } },
			namedFields: [/interaction\.interactionToken/],
		},
	];
}
