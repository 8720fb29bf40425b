import { EmulatorInputError } from '../errors/EmulatorInputError.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { AttachmentRecord, CommandOptionData, CommandRecord, InvokedOption } from '../state/records.js';

/** A value given for an option; numbers and booleans may come as strings from a form. */
export type OptionInputValue = string | number | boolean;

/** What the invoker chose: optional subcommand group and subcommand, and option values by name. */
export interface OptionChoice {
	readonly subcommandGroup?: string | undefined;
	readonly subcommand?: string | undefined;
	readonly options?: Readonly<Record<string, OptionInputValue>> | undefined;
	/** The option being typed in, for an autocomplete interaction. */
	readonly focused?: string | undefined;
}

/**
 * Turns a choice into the nested `data.options` of an interaction, checking it against the registered command like
 * Discord's client would; an attachment option's value is the id of one of `attachments` (the files uploaded with it).
 */
export function buildInvokedOptions(
	store: EmulatorStore,
	guildId: string | null,
	command: CommandRecord,
	choice: OptionChoice,
	attachments: readonly AttachmentRecord[] = [],
): InvokedOption[] {
	let definitions = command.options;
	const wrap: ((options: InvokedOption[]) => InvokedOption)[] = [];
	if (choice.subcommandGroup !== undefined) {
		const group = pick(definitions, 2, choice.subcommandGroup, command.name);
		definitions = group.options ?? [];
		wrap.push((options) => ({ name: group.name, type: 2, options }));
	}
	if (choice.subcommand !== undefined) {
		const sub = pick(definitions, 1, choice.subcommand, command.name);
		definitions = sub.options ?? [];
		wrap.push((options) => ({ name: sub.name, type: 1, options }));
	} else if (definitions.some((definition) => definition.type === 1 || definition.type === 2)) {
		const names = definitions.map((definition) => definition.name).join(', ');
		throw new EmulatorInputError(`/${command.name} needs a subcommand (one of: ${names})`);
	}

	const given = choice.options ?? {};
	for (const name of Object.keys(given)) {
		if (!definitions.some((definition) => definition.name === name)) {
			throw new EmulatorInputError(`/${command.name} has no option "${name}" (options: ${definitions.map((d) => d.name).join(', ') || 'none'})`);
		}
	}
	const values: InvokedOption[] = [];
	for (const definition of definitions) {
		const raw = given[definition.name];
		if (raw === undefined) {
			if (definition.required && choice.focused === undefined) throw new EmulatorInputError(`/${command.name} option "${definition.name}" is required`);
			continue;
		}
		const focused = choice.focused === definition.name;
		const value = focused ? String(raw) : coerce(store, guildId, command.name, definition, raw, attachments);
		values.push({ name: definition.name, type: definition.type, value, ...(focused ? { focused: true } : {}) });
	}
	return wrap.reduceRight<InvokedOption[]>((options, build) => [build(options)], values);
}

function pick(definitions: readonly CommandOptionData[], type: number, name: string, commandName: string): CommandOptionData {
	const found = definitions.find((definition) => definition.type === type && definition.name === name);
	if (!found) throw new EmulatorInputError(`/${commandName} has no ${type === 1 ? 'subcommand' : 'subcommand group'} "${name}"`);
	return found;
}

function coerce(
	store: EmulatorStore,
	guildId: string | null,
	commandName: string,
	definition: CommandOptionData,
	raw: OptionInputValue,
	attachments: readonly AttachmentRecord[],
): OptionInputValue {
	const fail = (expected: string) => new EmulatorInputError(`/${commandName} option "${definition.name}" must be ${expected}, got ${JSON.stringify(raw)}`);
	let value: OptionInputValue;
	switch (definition.type) {
		case 3:
			value = String(raw);
			break;
		case 4:
		case 10: {
			const number = typeof raw === 'number' ? raw : Number(raw);
			if (!Number.isFinite(number) || (definition.type === 4 && !Number.isInteger(number))) throw fail(definition.type === 4 ? 'an integer' : 'a number');
			if ((definition.min_value !== undefined && number < definition.min_value) || (definition.max_value !== undefined && number > definition.max_value)) {
				throw fail(`between ${definition.min_value ?? '-∞'} and ${definition.max_value ?? '∞'}`);
			}
			value = number;
			break;
		}
		case 5:
			if (raw !== true && raw !== false && raw !== 'true' && raw !== 'false') throw fail('true or false');
			value = raw === true || raw === 'true';
			break;
		case 6:
			if (!store.users.has(String(raw))) throw fail('a known user id');
			value = String(raw);
			break;
		case 7:
			if (!store.channels.has(String(raw))) throw fail('a known channel id');
			value = String(raw);
			break;
		case 8:
			if (guildId === null || !store.guilds.get(guildId)?.roles.has(String(raw))) throw fail('a role of this guild');
			value = String(raw);
			break;
		case 9:
			if (!store.users.has(String(raw)) && !(guildId !== null && store.guilds.get(guildId)?.roles.has(String(raw)))) throw fail('a user or role id');
			value = String(raw);
			break;
		case 11:
			if (!attachments.some((attachment) => attachment.id === String(raw))) throw fail('a file uploaded with the command (`attachments`)');
			value = String(raw);
			break;
		default:
			throw new EmulatorInputError(`/${commandName} option "${definition.name}" has type ${definition.type}, which the emulator cannot fill in`);
	}
	if (definition.choices && definition.choices.length > 0 && !definition.choices.some((entry) => entry.value === value)) {
		throw fail(`one of ${definition.choices.map((entry) => JSON.stringify(entry.value)).join(', ')}`);
	}
	return value;
}
