import { DiscordApiFailure, type FieldError } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { CommandOptionData, CommandRecord } from '../state/records.js';

const namePattern = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const knownFields = new Set(['id', 'name', 'description', 'type', 'options', 'default_member_permissions']);

/** Replaces every command of one scope (global when `guildId` is null), keeping ids of commands that stay; like Discord's bulk overwrite. */
export function registerCommands(store: EmulatorStore, guildId: string | null, bodies: unknown): CommandRecord[] {
	if (guildId !== null && !store.guilds.has(guildId)) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownGuild);
	if (!Array.isArray(bodies)) throw DiscordApiFailure.invalidFormBody({ _root: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }] });
	if (bodies.length > 100) throw DiscordApiFailure.invalidFormBody({ _root: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' }] });
	const errors: Record<string, FieldError[]> = {};
	const seen = new Set<string>();
	for (const [index, body] of (bodies as Record<string, unknown>[]).entries()) {
		const type = typeof body.type === 'number' ? body.type : 1;
		const key = `${type}:${String(body.name)}`;
		if (seen.has(key)) errors[`${index}.name`] = [{ code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' }];
		seen.add(key);
		checkNamed(body, type === 1, `${index}`, errors);
		const options = Array.isArray(body.options) ? (body.options as Record<string, unknown>[]) : [];
		for (const [optionIndex, option] of options.entries()) checkNamed(option, true, `${index}.options.${optionIndex}`, errors);
	}
	if (Object.keys(errors).length > 0) throw DiscordApiFailure.invalidFormBody(errors);

	const previous = [...store.commands.values()].filter((command) => command.guildId === guildId);
	for (const command of previous) store.commands.delete(command.id);
	const registered = bodies.map((body: Record<string, unknown>): CommandRecord => {
		const type = typeof body.type === 'number' ? body.type : 1;
		const kept = previous.find((command) => command.name === body.name && command.type === type);
		const extra = Object.fromEntries(Object.entries(body).filter(([field]) => !knownFields.has(field)));
		const record: CommandRecord = {
			id: kept?.id ?? store.ids.next(),
			guildId,
			name: String(body.name),
			description: typeof body.description === 'string' ? body.description : '',
			type,
			options: Array.isArray(body.options) ? (body.options as CommandOptionData[]) : [],
			defaultMemberPermissions:
				body.default_member_permissions === undefined || body.default_member_permissions === null ? null : String(body.default_member_permissions),
			version: store.ids.next(),
			extra,
		};
		store.commands.set(record.id, record);
		return record;
	});
	store.emit({ type: 'commandsUpdate', guildId });
	return registered;
}

function checkNamed(body: Record<string, unknown>, needsDescription: boolean, path: string, errors: Record<string, FieldError[]>): void {
	// Chat-input commands and options (the ones with descriptions) take lowercase names; user and message commands may be mixed case with spaces.
	const validName = needsDescription
		? namePattern.test(String(body.name)) && body.name === String(body.name).toLowerCase()
		: /^.{1,32}$/u.test(String(body.name));
	if (typeof body.name !== 'string' || !validName) {
		errors[`${path}.name`] = [{ code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' }];
	}
	if (needsDescription && (typeof body.description !== 'string' || body.description.length < 1 || body.description.length > 100)) {
		errors[`${path}.description`] = [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }];
	}
}
