import { DiscordApiFailure, type FieldError } from '../../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../../errors/DiscordErrorCodes.js';
import { addReaction } from '../../reactions/addReaction.js';
import { checkReactionAccess } from '../../reactions/checkReactionAccess.js';
import { clearReactions } from '../../reactions/clearReactions.js';
import { parseReactionEmoji, sameEmoji } from '../../reactions/parseReactionEmoji.js';
import { removeReaction } from '../../reactions/removeReaction.js';
import { serializeUser } from '../../serialize/serializeUser.js';
import type { ChannelRecord, MessageRecord } from '../../state/records.js';
import { json, noContent, type RestContext, type RestRoute } from '../RestRoute.js';

const base = '/channels/:channelId/messages/:messageId/reactions';

/** Reactions as a bot uses them: add and remove its own, remove others', list who reacted, clear all or one emoji. */
export const reactionRoutes: readonly RestRoute[] = [
	{
		method: 'PUT',
		pattern: `${base}/:emoji/@me`,
		auth: true,
		handle: (context) => {
			const { message } = target(context);
			addReaction(context.store, message, context.store.bot.id, parseReactionEmoji(context.params.emoji ?? ''));
			return noContent;
		},
	},
	{
		method: 'DELETE',
		pattern: `${base}/:emoji/@me`,
		auth: true,
		handle: (context) => {
			const { channel, message } = target(context);
			const emoji = parseReactionEmoji(context.params.emoji ?? '');
			checkReactionAccess(context.store, channel, context.store.bot.id, 'read');
			removeReaction(context.store, message, context.store.bot.id, emoji);
			return noContent;
		},
	},
	{
		method: 'DELETE',
		pattern: `${base}/:emoji/:userId`,
		auth: true,
		handle: (context) => {
			const { channel, message } = target(context);
			const emoji = parseReactionEmoji(context.params.emoji ?? '');
			const userId = context.params.userId ?? '';
			checkReactionAccess(context.store, channel, context.store.bot.id, userId === context.store.bot.id ? 'read' : 'manage');
			removeReaction(context.store, message, userId, emoji);
			return noContent;
		},
	},
	{ method: 'GET', pattern: `${base}/:emoji`, auth: true, handle: (context) => listReactors(context) },
	{
		method: 'DELETE',
		pattern: `${base}/:emoji`,
		auth: true,
		handle: (context) => {
			const { channel, message } = target(context);
			const emoji = parseReactionEmoji(context.params.emoji ?? '');
			checkReactionAccess(context.store, channel, context.store.bot.id, 'manage');
			clearReactions(context.store, message, emoji);
			return noContent;
		},
	},
	{
		method: 'DELETE',
		pattern: base,
		auth: true,
		handle: (context) => {
			const { channel, message } = target(context);
			checkReactionAccess(context.store, channel, context.store.bot.id, 'manage');
			clearReactions(context.store, message);
			return noContent;
		},
	},
];

function listReactors(context: RestContext) {
	const { channel, message } = target(context);
	const emoji = parseReactionEmoji(context.params.emoji ?? '');
	const { after, limit, type } = readListQuery(context.query);
	checkReactionAccess(context.store, channel, context.store.bot.id, 'read');
	// The emulator has no super reactions, so the burst list (type 1) is always empty.
	const reaction = type === 0 ? message.reactions.find((entry) => sameEmoji(entry.emoji, emoji)) : undefined;
	const ids = [...(reaction?.userIds ?? [])]
		.filter((id) => after === null || BigInt(id) > after)
		.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
		.slice(0, limit);
	return json(
		ids.flatMap((id) => {
			const user = context.store.users.get(id);
			return user ? [serializeUser(user)] : [];
		}),
	);
}

function readListQuery(query: URLSearchParams): { after: bigint | null; limit: number; type: number } {
	const fields: Record<string, FieldError[]> = {};
	const afterText = query.get('after');
	const limitText = query.get('limit');
	const typeText = query.get('type');
	if (afterText !== null && !/^\d{1,20}$/.test(afterText)) fields.after = [{ code: 'NUMBER_TYPE_COERCE', message: `Value "${afterText}" is not snowflake.` }];
	const limit = limitText === null ? 25 : Number(limitText);
	if (!Number.isInteger(limit)) fields.limit = [{ code: 'NUMBER_TYPE_COERCE', message: `Value "${limitText}" is not int.` }];
	else if (limit < 1) fields.limit = [{ code: 'NUMBER_TYPE_MIN', message: 'int value should be greater than or equal to 1.' }];
	else if (limit > 100) fields.limit = [{ code: 'NUMBER_TYPE_MAX', message: 'int value should be less than or equal to 100.' }];
	const type = typeText === null ? 0 : Number(typeText);
	if (type !== 0 && type !== 1) fields.type = [{ code: 'ENUM_TYPE_COERCE', message: `Value "${typeText}" is not a valid enum value.` }];
	if (Object.keys(fields).length > 0) throw DiscordApiFailure.invalidFormBody(fields);
	return { after: afterText === null ? null : BigInt(afterText), limit, type };
}

function target({ store, params }: RestContext): { channel: ChannelRecord; message: MessageRecord } {
	const channel = store.channels.get(params.channelId ?? '');
	if (!channel) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownChannel);
	const message = store.message(channel.id, params.messageId ?? '');
	if (!message) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownMessage);
	return { channel, message };
}
