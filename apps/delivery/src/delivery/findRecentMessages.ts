import { DiscordLimits } from '@charbot/core';
import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { z } from 'zod';
import { parseDiscordResponse } from './discordSchemas.js';
import type { PostedMessage } from './ReplyPoster.js';
import { toDeliveryError } from './toDeliveryError.js';

/** The part of a listed Discord message a lookup compares. */
export const listedMessageSchema = z.object({
	id: z.string().min(1),
	content: z.string().optional().default(''),
	webhook_id: z.string().optional(),
	author: z.object({ id: z.string().min(1), username: z.string().optional() }),
	embeds: z
		.array(z.object({ description: z.string().optional() }).passthrough())
		.optional()
		.default([]),
});

/** One message of a channel as a lookup sees it. */
export type ListedMessage = z.output<typeof listedMessageSchema>;

const route = 'GET /channels/:id/messages';
const discordEpochMs = 1_420_070_400_000n;
/** Most pages (of 100 messages) one lookup reads; a busier channel is not worth more requests. */
const maxPages = 5;

/**
 * The channel's messages posted since `sinceMs` that `matches` accepts, oldest first (`GET /channels/{id}/messages` with
 * `after`, up to 500 messages). Needs the bot's View Channel and Read Message History there.
 */
export async function findRecentMessages(
	rest: REST,
	channelId: string,
	sinceMs: number,
	matches: (message: ListedMessage) => boolean,
): Promise<PostedMessage[]> {
	let after = ((BigInt(Math.max(0, Math.floor(sinceMs))) - discordEpochMs) << 22n).toString();
	if (after.startsWith('-')) after = '0';
	const found: ListedMessage[] = [];
	for (let page = 0; page < maxPages; page += 1) {
		const listed = await rest
			.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ after, limit: String(DiscordLimits.messagesPerPage) }) })
			.catch((error: unknown) => {
				throw toDeliveryError(error, route);
			});
		const messages = parseDiscordResponse(z.array(listedMessageSchema), listed, route);
		found.push(...messages.filter(matches));
		if (messages.length < DiscordLimits.messagesPerPage) break;
		after = messages.reduce((newest, message) => (BigInt(message.id) > BigInt(newest) ? message.id : newest), after);
	}
	return found.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)).map((message) => ({ id: message.id, authorId: message.author.id }));
}
