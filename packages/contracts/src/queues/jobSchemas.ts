import { z } from 'zod';
import { codePointLength } from '@charbot/core';
import { QueueName } from './queueNames.js';

/** Longest message text a route job carries, in code points (as `truncateText` cuts and Discord counts). */
export const MaxJobContentLength = 6000;

/** A Discord snowflake id: 17-20 digits. */
export const snowflakeSchema = z.string().regex(/^\d{17,20}$/, 'must be a Discord snowflake (17-20 digits)');

/** A character id: a lowercase slug, shared by persona files and job payloads. */
export const characterIdSchema = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a lowercase slug (a-z, 0-9 and -, starting with a letter or digit, at most 64 characters)');

/** Most pictures a job lists for one message (its own and the replied-to message's); the router shows at most 4 of them. */
export const MaxImageRefs = 10;

/**
 * A picture in a member's message or in the message it replies to, as Discord describes it. Only the address travels:
 * the router downloads it (from Discord's servers alone, within hard limits) when a vision model can see it.
 */
export const imageRefSchema = z.object({
	url: z
		.string()
		.max(2048)
		.refine((value) => /^https?:\/\/[^\s/]+\/\S*$/u.test(value), 'must be an http(s) URL'),
	/** The file name, or for an embedded or linked picture the last part of its address. */
	name: z.string().min(1).max(200),
	/** Bytes, as Discord reports them for an attachment. */
	size: z.number().int().nonnegative().optional(),
	/** Pixels, as Discord reports them. */
	width: z.number().int().nonnegative().optional(),
	height: z.number().int().nonnegative().optional(),
	/** An attachment, an embed's image, or a link in the text. */
	source: z.enum(['attachment', 'embed', 'link']),
	/** Set when the picture is in the message this one replies to. */
	inReply: z.literal(true).optional(),
});

/** The Discord message that a job answers, as much of it as the workers need. */
export const incomingMessageSchema = z.object({
	id: snowflakeSchema,
	channelId: snowflakeSchema,
	guildId: snowflakeSchema.nullable(),
	author: z.object({
		id: snowflakeSchema,
		username: z
			.string()
			.min(1)
			.refine((text) => codePointLength(text) <= 100, 'must be at most 100 characters'),
		displayName: z
			.string()
			.min(1)
			.refine((text) => codePointLength(text) <= 100, 'must be at most 100 characters'),
		isBot: z.boolean(),
		/** Set when the author is one of our characters (banter). */
		characterId: characterIdSchema.optional(),
	}),
	content: z.string().refine((text) => codePointLength(text) <= MaxJobContentLength, `must be at most ${MaxJobContentLength} characters`),
	createdAt: z.number().int().nonnegative(),
	replyToMessageId: snowflakeSchema.optional(),
	/** Pictures the message shows (its own first, then the replied-to message's); absent when none. */
	images: z.array(imageRefSchema).max(MaxImageRefs).optional(),
});

/**
 * How a message came to concern a character (`greeting`: a character's opening line when it joins a channel, delivered as
 * it is; `regenerate`: a member asked for a different answer to a reply already posted, which is edited in place).
 */
export const triggerSchema = z.enum(['mention', 'reply', 'name', 'active-channel', 'dm', 'command', 'banter', 'greeting', 'regenerate']);

/** A slash-command interaction to answer through its webhook instead of a channel message. */
export const interactionTargetSchema = z.object({
	id: snowflakeSchema,
	applicationId: snowflakeSchema,
	interactionToken: z.string().min(20).max(500),
});

/** A character still to answer the same member message, after the one a job is for (characters addressed together take turns). */
export const turnFollowerSchema = z.object({ characterId: characterIdSchema, trigger: triggerSchema });

/** Most Discord messages one reply may span, and so the most a regeneration edits. */
export const MaxReplyParts = 10;

/** The posted reply a regeneration edits in place: the Discord ids of its parts, in order. */
export const replacedReplySchema = z.object({ messageIds: z.array(snowflakeSchema).min(1).max(MaxReplyParts) });

/** One generated reply and, once scored, why it failed. */
export const attemptSchema = z.object({
	text: z.string().max(20000),
	model: z.string().min(1),
	host: z.string().min(1),
	role: z.string().min(1),
	reasons: z.array(z.string().max(500)).max(20).default([]),
});

/** Payload of the `route` queue: a message to answer as a character (again, after a failed review). */
export const routeJobSchema = z.object({
	/** The id of the first job for this message and character; later jobs of the same answer derive theirs from it. */
	jobKey: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,150}$/, 'must be 1-150 of A-Z a-z 0-9 _ -')
		.refine((value) => !/^\d+$/.test(value), 'must not be all digits'),
	message: incomingMessageSchema,
	characterId: characterIdSchema,
	trigger: triggerSchema,
	/** How many character replies led to this message; banter stops at the guild's limit. */
	cascadeDepth: z.number().int().min(0).max(20),
	interaction: interactionTargetSchema.optional(),
	/** Earlier attempts that failed review, oldest first, passed on to regeneration and escalation. */
	failedAttempts: z.array(attemptSchema).max(10).default([]),
	/** Set while no LLM host can serve the job: when it began waiting for one (ms since epoch), to bound its patience. */
	llmWaitingSince: z.number().int().nonnegative().optional(),
	/** Characters addressed together with this one, answering after it in order, each seeing the earlier answers. */
	followers: z.array(turnFollowerSchema).max(10).default([]),
	/** The member message whose conversation this job continues (banter keeps it); a newer one in the channel ends the banter. */
	turnOf: snowflakeSchema.optional(),
	/** Set for a regeneration (trigger `regenerate`): the reply it replaces, edited in place instead of posting a new one. */
	replaces: replacedReplySchema.optional(),
});

/** Payload of the `review` queue: a candidate reply to score before anything is posted. */
export const reviewJobSchema = routeJobSchema.extend({
	candidate: attemptSchema,
});

/** Payload of the `deliver` queue: a reply that passed review. */
export const deliverJobSchema = routeJobSchema.extend({
	kind: z.literal('reply').optional(),
	text: z.string().min(1).max(20000),
	score: z.number().min(0).max(1),
	model: z.string().min(1),
});

/**
 * Notices the platform posts in its own name: no LLM host can answer yet, none came back in time, (for a slash command)
 * no answer could be made that passed review, the characters cannot see pictures here (no vision model), or a picture
 * was not shown to them (its `detail` says which and why).
 */
export const noticeSchema = z.enum(['llm-resting', 'llm-gave-up', 'no-good-answer', 'images-unseen', 'image-refused']);

/** Payload of the `deliver` queue for a notice: posted as the bot (or into a slash command's deferred response), pinging nobody. */
export const noticeJobSchema = z.object({
	kind: z.literal('notice'),
	/** The notice's own id, so a retried delivery never posts it twice. */
	noticeKey: z.string().regex(/^[A-Za-z0-9_-]{1,150}$/, 'must be 1-150 of A-Z a-z 0-9 _ -'),
	notice: noticeSchema,
	guildId: snowflakeSchema.nullable(),
	channelId: snowflakeSchema,
	/** A slash command's interaction: the notice fills in its deferred response instead of a channel message. */
	interaction: interactionTargetSchema.optional(),
	/** The character the notice speaks of (`no-good-answer`). */
	characterId: characterIdSchema.optional(),
	/** The member message the notice answers: a channel notice is posted as a reply to it (pinging nobody). */
	replyToMessageId: snowflakeSchema.optional(),
	/** What the notice is about, in a member's words (`image-refused`: which picture and why). */
	detail: z.string().min(1).max(300).optional(),
});

/** Everything the `deliver` queue carries: a reply (no `kind`, or `reply`) or a notice. */
export const deliveryJobSchema = z.discriminatedUnion('kind', [deliverJobSchema, noticeJobSchema]);

/** The payload schema of each queue: producers and workers both validate with these. */
export const jobSchemas = {
	[QueueName.Route]: routeJobSchema,
	[QueueName.Review]: reviewJobSchema,
	[QueueName.Deliver]: deliveryJobSchema,
} as const satisfies Record<QueueName, z.ZodType>;

/** The payload type of a queue. */
export type JobData<Name extends QueueName> = z.output<(typeof jobSchemas)[Name]>;
/** What a producer hands to a queue: its payload, where fields with defaults may be left out. */
export type JobInput<Name extends QueueName> = z.input<(typeof jobSchemas)[Name]>;
export type IncomingMessage = z.output<typeof incomingMessageSchema>;
/** A picture a message shows, by address. */
export type ImageRef = z.output<typeof imageRefSchema>;
export type Trigger = z.output<typeof triggerSchema>;
export type RouteJob = JobData<typeof QueueName.Route>;
export type ReviewJob = JobData<typeof QueueName.Review>;
export type DeliverJob = z.output<typeof deliverJobSchema>;
/** A notice to post in the platform's name. */
export type NoticeJob = z.output<typeof noticeJobSchema>;
/** Which notice: `llm-resting`, `llm-gave-up` or `no-good-answer`. */
export type Notice = z.output<typeof noticeSchema>;
export type Attempt = z.output<typeof attemptSchema>;
/** The posted reply a regeneration edits. */
export type ReplacedReply = z.output<typeof replacedReplySchema>;
/** A character still to answer after the current one. */
export type TurnFollower = z.output<typeof turnFollowerSchema>;
