import { formatZodIssues } from '@charbot/core';
import { z } from 'zod';

/** The part of a Discord message object delivery reads. */
export const postedMessageSchema = z.object({
	id: z.string().min(1),
	author: z.object({ id: z.string().min(1) }).optional(),
});

/** The part of a Discord webhook object delivery reads. */
export const webhookObjectSchema = z.object({
	id: z.string().min(1),
	token: z.string().min(1).optional(),
	application_id: z.string().nullable().optional(),
});

/** A channel webhook we can execute; before tokens were sealed, the JSON cached under `Keyspace.channelWebhook`. */
export const storedWebhookSchema = z.object({ id: z.string().min(1), token: z.string().min(1) });

/** A channel webhook we can execute. */
export type StoredWebhook = z.output<typeof storedWebhookSchema>;

/** Validates a Discord response, naming what was wrong: a malformed answer is a fault of the other side. */
export function parseDiscordResponse<Schema extends z.ZodType>(schema: Schema, value: unknown, route: string): z.output<Schema> {
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw new Error(`Discord's answer to ${route} is malformed: ${formatZodIssues(parsed.error)}`);
	return parsed.data;
}
