import { z } from 'zod';

const id = z.string().regex(/^\d{17,20}$/, 'must be a snowflake id');
const permissions = z.union([z.string().regex(/^\d+$/), z.array(z.string())]);
const route = z.string().optional();

/** Bodies of the `/_emu/` control routes. */
export const controlSchemas = {
	createGuild: z.object({ name: z.string().min(1).max(100), ownerId: id.optional(), everyonePermissions: permissions.optional() }),
	createChannel: z.object({
		name: z.string().min(1).max(100),
		type: z.union([z.literal(0), z.literal(4)]).optional(),
		topic: z.string().nullable().optional(),
		parentId: id.nullable().optional(),
	}),
	createRole: z.object({
		name: z.string().min(1).max(100),
		permissions: permissions.optional(),
		mentionable: z.boolean().optional(),
		color: z.number().int().optional(),
	}),
	createUser: z.object({
		username: z.string().min(1).max(32),
		globalName: z.string().max(32).nullable().optional(),
		bot: z.boolean().optional(),
		avatarUrl: z.string().nullable().optional(),
	}),
	addMember: z.object({ userId: id, roles: z.array(id).optional(), nick: z.string().max(32).nullable().optional() }),
	openDm: z.object({ userId: id }),
	postMessage: z.object({
		authorId: id,
		content: z.string().default(''),
		replyTo: id.optional(),
		attachments: z
			.array(
				z.object({
					filename: z.string().min(1).max(255),
					contentType: z
						.string()
						.regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as image/png')
						.optional(),
					/** The file's bytes, base64. */
					data: z.base64('must be the file in base64'),
				}),
			)
			.max(10)
			.optional(),
	}),
	reaction: z.object({ userId: id, emoji: z.string().min(1).max(100) }),
	clickComponent: z.object({ userId: id, customId: z.string().min(1).max(100), values: z.array(z.string().max(100)).max(25).optional() }),
	invokeCommand: z.object({
		channelId: id,
		userId: id,
		name: z.string().min(1),
		subcommandGroup: z.string().optional(),
		subcommand: z.string().optional(),
		options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
		focused: z.string().optional(),
	}),
	rateLimit: z.object({
		route,
		count: z.number().int().positive().optional(),
		durationMs: z.number().positive().optional(),
		retryAfterMs: z.number().positive().optional(),
		global: z.boolean().optional(),
		scope: z.enum(['user', 'shared']).optional(),
	}),
	serverErrors: z.object({ route, count: z.number().int().positive(), status: z.number().int().min(500).max(599).optional() }),
	gatewaySelector: z.object({
		shardId: z.number().int().min(0).optional(),
		code: z.number().int().min(1000).max(4999).optional(),
		resumable: z.boolean().optional(),
	}),
} as const;
