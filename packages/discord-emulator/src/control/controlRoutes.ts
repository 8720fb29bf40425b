import type { z } from 'zod';
import { EmulatorInputError } from '../errors/EmulatorInputError.js';
import type { PermissionName } from '../permissions/PermissionFlags.js';
import type { SeededWorld } from '../state/seedWorld.js';
import { controlSchemas } from './controlSchemas.js';
import type { EmulatorControl, PermissionInput } from './EmulatorControl.js';
import type { InteractionView } from './views.js';

/** Facts about the running emulator shown by `GET /_emu/info`. */
export interface EmulatorInfo {
	readonly apiUrl: string;
	readonly gatewayUrl: string;
	readonly url: string;
	readonly applicationId: string;
	readonly seed: SeededWorld | null;
}

/** What a control route handler gets. */
export interface ControlContext {
	readonly params: Readonly<Record<string, string>>;
	readonly query: URLSearchParams;
	readonly body: unknown;
	readonly control: EmulatorControl;
	readonly info: EmulatorInfo;
}

/** One `/_emu/` route; the handler's return value is sent as JSON. */
export interface ControlRoute {
	readonly method: 'GET' | 'POST' | 'DELETE';
	readonly pattern: string;
	readonly handle: (context: ControlContext) => unknown;
}

/** Parses a body with a schema; a bad one is an {@link EmulatorInputError} naming each field. */
function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
	const result = schema.safeParse(body ?? {});
	if (result.success) return result.data;
	throw new EmulatorInputError(result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
}

function toPermissions(value: string | string[] | undefined): PermissionInput | undefined {
	return Array.isArray(value) ? (value as PermissionName[]) : value;
}

function param(context: ControlContext, name: string): string {
	return context.params[name] ?? '';
}

function numberQuery(query: URLSearchParams, name: string, fallback: number): number {
	const value = Number(query.get(name));
	return query.has(name) && Number.isFinite(value) && value > 0 ? value : fallback;
}

function messageTarget(context: ControlContext): { channelId: string; messageId: string } {
	return { channelId: param(context, 'channelId'), messageId: param(context, 'messageId') };
}

/** Every control route (prefix `/_emu` stripped). */
export const controlRoutes: readonly ControlRoute[] = [
	{ method: 'GET', pattern: '/info', handle: ({ info, control }) => ({ ...info, bot: control.bot }) },
	{
		method: 'GET',
		pattern: '/guilds',
		handle: ({ control, query }) =>
			query.get('summary') === 'true' ? control.guilds().map(({ id, name, memberCount }) => ({ id, name, memberCount })) : control.guilds(),
	},
	{
		method: 'POST',
		pattern: '/guilds',
		handle: ({ control, body }) => {
			const { everyonePermissions, ownerId, name } = parse(controlSchemas.createGuild, body);
			const permissions = toPermissions(everyonePermissions);
			return control.createGuild({ name, ...(ownerId ? { ownerId } : {}), ...(permissions === undefined ? {} : { everyonePermissions: permissions }) });
		},
	},
	{ method: 'GET', pattern: '/guilds/:guildId', handle: (context) => context.control.guild(param(context, 'guildId')) },
	{ method: 'GET', pattern: '/guilds/:guildId/members', handle: (context) => context.control.members(param(context, 'guildId')) },
	{
		method: 'POST',
		pattern: '/guilds/:guildId/members',
		handle: (context) => {
			const { userId, roles, nick } = parse(controlSchemas.addMember, context.body);
			return context.control.addMember(param(context, 'guildId'), userId, { ...(roles ? { roles } : {}), ...(nick === undefined ? {} : { nick }) });
		},
	},
	{
		method: 'POST',
		pattern: '/guilds/:guildId/channels',
		handle: (context) => {
			const { name, type, topic, parentId } = parse(controlSchemas.createChannel, context.body);
			return context.control.createChannel(param(context, 'guildId'), {
				name,
				...(type === undefined ? {} : { type }),
				...(topic === undefined ? {} : { topic }),
				...(parentId === undefined ? {} : { parentId }),
			});
		},
	},
	{
		method: 'POST',
		pattern: '/guilds/:guildId/roles',
		handle: (context) => {
			const { name, permissions, mentionable, color } = parse(controlSchemas.createRole, context.body);
			const resolved = toPermissions(permissions);
			return context.control.createRole(param(context, 'guildId'), {
				name,
				...(resolved === undefined ? {} : { permissions: resolved }),
				...(mentionable === undefined ? {} : { mentionable }),
				...(color === undefined ? {} : { color }),
			});
		},
	},
	{ method: 'GET', pattern: '/users', handle: ({ control }) => control.users() },
	{
		method: 'POST',
		pattern: '/users',
		handle: ({ control, body }) => {
			const { username, globalName, bot, avatarUrl } = parse(controlSchemas.createUser, body);
			return control.createUser({
				username,
				...(globalName === undefined ? {} : { globalName }),
				...(bot === undefined ? {} : { bot }),
				...(avatarUrl === undefined ? {} : { avatarUrl }),
			});
		},
	},
	{ method: 'GET', pattern: '/dms', handle: ({ control }) => control.dmChannels() },
	{ method: 'POST', pattern: '/dms', handle: ({ control, body }) => control.createDmChannel(parse(controlSchemas.openDm, body).userId) },
	{
		method: 'GET',
		pattern: '/channels/:channelId/messages',
		handle: (context) => context.control.transcript(param(context, 'channelId'), { limit: numberQuery(context.query, 'limit', 100) }),
	},
	{
		method: 'POST',
		pattern: '/channels/:channelId/messages',
		handle: (context) => {
			const { authorId, content, replyTo, attachments } = parse(controlSchemas.postMessage, context.body);
			return context.control.postMessage({
				channelId: param(context, 'channelId'),
				authorId,
				content,
				replyTo,
				attachments: attachments?.map(({ filename, contentType, data }) => ({ filename, contentType, data: Buffer.from(data, 'base64') })),
			});
		},
	},
	{
		method: 'POST',
		pattern: '/channels/:channelId/messages/:messageId/reactions',
		handle: (context) => context.control.addReaction({ ...messageTarget(context), ...parse(controlSchemas.reaction, context.body) }),
	},
	{
		method: 'DELETE',
		pattern: '/channels/:channelId/messages/:messageId/reactions',
		handle: (context) => context.control.removeReaction({ ...messageTarget(context), ...parse(controlSchemas.reaction, context.body) }),
	},
	{
		method: 'POST',
		pattern: '/channels/:channelId/messages/:messageId/components',
		handle: (context) => {
			const { userId, customId, values } = parse(controlSchemas.clickComponent, context.body);
			return context.control.clickComponent({ ...messageTarget(context), userId, customId, ...(values === undefined ? {} : { values }) });
		},
	},
	{ method: 'GET', pattern: '/commands', handle: ({ control, query }) => control.commands(query.get('guildId') ?? undefined) },
	{
		method: 'POST',
		pattern: '/interactions',
		handle: ({ control, body }) => {
			const input = parse(controlSchemas.invokeCommand, body);
			const { focused, ...rest } = input;
			return focused === undefined ? control.invokeCommand(rest) : control.autocomplete({ ...rest, focused });
		},
	},
	{ method: 'GET', pattern: '/interactions/:interactionId', handle: (context) => context.control.interactionResponses(param(context, 'interactionId')) },
	{
		method: 'GET',
		pattern: '/interactions/:interactionId/wait',
		handle: (context) => {
			const state = context.query.get('state') ?? 'replied';
			const until = (view: InteractionView) => view.state === state;
			return context.control.waitForInteraction(param(context, 'interactionId'), until, numberQuery(context.query, 'timeoutMs', 10_000));
		},
	},
	{
		method: 'GET',
		pattern: '/wait/bot-message',
		handle: ({ control, query }) =>
			control.waitForBotMessage({ channelId: query.get('channelId') ?? undefined, timeoutMs: numberQuery(query, 'timeoutMs', 10_000) }),
	},
	{
		method: 'POST',
		pattern: '/faults/rate-limit',
		handle: ({ control, body }) => {
			control.injectRateLimit(parse(controlSchemas.rateLimit, body));
			return { ok: true };
		},
	},
	{
		method: 'POST',
		pattern: '/faults/server-errors',
		handle: ({ control, body }) => {
			control.injectServerErrors(parse(controlSchemas.serverErrors, body));
			return { ok: true };
		},
	},
	{
		method: 'DELETE',
		pattern: '/faults',
		handle: ({ control }) => {
			control.clearFaults();
			return { ok: true };
		},
	},
	{
		method: 'POST',
		pattern: '/gateway/drop',
		handle: ({ control, body }) => {
			const { shardId, code } = parse(controlSchemas.gatewaySelector, body);
			return { sockets: control.dropSockets({ shardId, ...(code === undefined ? {} : { code }) }) };
		},
	},
	{
		method: 'POST',
		pattern: '/gateway/reconnect',
		handle: ({ control, body }) => ({ sockets: control.requestReconnect({ shardId: parse(controlSchemas.gatewaySelector, body).shardId }) }),
	},
	{
		method: 'POST',
		pattern: '/gateway/invalidate',
		handle: ({ control, body }) => {
			const { shardId, resumable } = parse(controlSchemas.gatewaySelector, body);
			return { sockets: control.invalidateSessions({ shardId, ...(resumable === undefined ? {} : { resumable }) }) };
		},
	},
	{ method: 'GET', pattern: '/gateway/sessions', handle: ({ control }) => control.sessions() },
	{ method: 'GET', pattern: '/stats', handle: ({ control }) => control.stats() },
];
