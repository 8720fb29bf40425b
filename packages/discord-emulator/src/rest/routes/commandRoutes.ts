import { registerCommands } from '../../commands/registerCommands.js';
import { DiscordApiFailure } from '../../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../../errors/DiscordErrorCodes.js';
import { serializeCommand } from '../../serialize/serializeCommand.js';
import type { EmulatorStore } from '../../state/EmulatorStore.js';
import { json, noContent, type RestContext, type RestRoute } from '../RestRoute.js';

/** Global and guild application commands: list, bulk overwrite, get and delete one. */
export const commandRoutes: readonly RestRoute[] = [
	{ method: 'GET', pattern: '/applications/:applicationId/commands', auth: true, handle: (context) => list(context, null) },
	{ method: 'PUT', pattern: '/applications/:applicationId/commands', auth: true, handle: (context) => overwrite(context, null) },
	{
		method: 'GET',
		pattern: '/applications/:applicationId/guilds/:guildId/commands',
		auth: true,
		handle: (context) => list(context, context.params.guildId ?? null),
	},
	{
		method: 'PUT',
		pattern: '/applications/:applicationId/guilds/:guildId/commands',
		auth: true,
		handle: (context) => overwrite(context, context.params.guildId ?? null),
	},
	{ method: 'GET', pattern: '/applications/:applicationId/commands/:commandId', auth: true, handle: (context) => getOne(context) },
	{ method: 'DELETE', pattern: '/applications/:applicationId/commands/:commandId', auth: true, handle: (context) => deleteOne(context) },
	{ method: 'GET', pattern: '/applications/:applicationId/guilds/:guildId/commands/:commandId', auth: true, handle: (context) => getOne(context) },
	{ method: 'DELETE', pattern: '/applications/:applicationId/guilds/:guildId/commands/:commandId', auth: true, handle: (context) => deleteOne(context) },
];

function checkApplication(store: EmulatorStore, applicationId: string | undefined): void {
	if (applicationId !== store.applicationId) throw new DiscordApiFailure(403, DiscordErrorCodes.MissingAccess);
}

function list({ store, params }: RestContext, guildId: string | null) {
	checkApplication(store, params.applicationId);
	if (guildId !== null && !store.guilds.has(guildId)) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownGuild);
	const commands = [...store.commands.values()].filter((command) => command.guildId === guildId);
	return json(commands.map((command) => serializeCommand(command, store.applicationId)));
}

async function overwrite({ store, params, payload }: RestContext, guildId: string | null) {
	checkApplication(store, params.applicationId);
	const { json: body } = await payload();
	return json(registerCommands(store, guildId, body).map((command) => serializeCommand(command, store.applicationId)));
}

function getOne({ store, params }: RestContext) {
	checkApplication(store, params.applicationId);
	const command = store.commands.get(params.commandId ?? '');
	if (!command || command.guildId !== (params.guildId ?? null)) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownApplicationCommand);
	return json(serializeCommand(command, store.applicationId));
}

function deleteOne({ store, params }: RestContext) {
	checkApplication(store, params.applicationId);
	const command = store.commands.get(params.commandId ?? '');
	if (!command || command.guildId !== (params.guildId ?? null)) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownApplicationCommand);
	store.commands.delete(command.id);
	store.emit({ type: 'commandsUpdate', guildId: command.guildId });
	return noContent;
}
