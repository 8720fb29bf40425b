import { z } from 'zod';
import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { zodIssuesToFieldErrors } from '../errors/zodIssuesToFieldErrors.js';

const snowflakeLike = z.union([z.string(), z.number()]).transform(String);

/** The JSON fields of a message create/edit, webhook execute or interaction response body. */
export const messageBodySchema = z
	.object({
		content: z.string().nullish(),
		tts: z.boolean().optional(),
		embeds: z.array(z.record(z.string(), z.unknown())).nullish(),
		components: z.array(z.unknown()).nullish(),
		sticker_ids: z.array(snowflakeLike).optional(),
		flags: z.number().int().nullish(),
		nonce: z.union([z.string().max(25), z.number().int()]).optional(),
		enforce_nonce: z.boolean().optional(),
		allowed_mentions: z
			.object({
				parse: z.array(z.string()).optional(),
				users: z.array(snowflakeLike).optional(),
				roles: z.array(snowflakeLike).optional(),
				replied_user: z.boolean().optional(),
			})
			.optional(),
		message_reference: z
			.object({
				message_id: snowflakeLike.optional(),
				channel_id: snowflakeLike.optional(),
				guild_id: snowflakeLike.optional(),
				fail_if_not_exists: z.boolean().optional(),
				type: z.number().optional(),
			})
			.optional(),
		attachments: z.array(z.record(z.string(), z.unknown())).nullish(),
		username: z.string().optional(),
		avatar_url: z.string().optional(),
		thread_name: z.string().optional(),
		choices: z.array(z.unknown()).optional(),
		poll: z.unknown().optional(),
	})
	.loose();

/** A parsed message body. */
export type MessageBody = z.infer<typeof messageBodySchema>;

/** Validates a message body; a bad one is a 50035 Invalid Form Body naming each field. */
export function parseMessageBody(json: unknown): MessageBody {
	const result = messageBodySchema.safeParse(json ?? {});
	if (!result.success) throw DiscordApiFailure.invalidFormBody(zodIssuesToFieldErrors(result.error));
	return result.data;
}
