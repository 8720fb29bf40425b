import { createUploadedAttachment, MaxAttachmentBytes, type UploadedFile } from '../attachments/createUploadedAttachment.js';
import { EmulatorInputError } from '../errors/EmulatorInputError.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { CommandRecord, InteractionRecord } from '../state/records.js';
import { buildInvokedOptions, type OptionChoice } from './buildInvokedOptions.js';

/** Input of {@link invokeCommand}. */
export interface InvokeCommandInput extends OptionChoice {
	readonly channelId: string;
	/** The member (or DM user) running the command. */
	readonly userId: string;
	/** The registered command's name, without the slash. */
	readonly name: string;
	/** Files for attachment options (type 11), by option name; served like message attachments. */
	readonly attachments?: Readonly<Record<string, UploadedFile>> | undefined;
}

/** Runs a registered chat-input command as a user: stores the interaction and announces it (INTERACTION_CREATE). */
export function invokeCommand(store: EmulatorStore, input: InvokeCommandInput, baseUrl = ''): InteractionRecord {
	const channel = store.channels.get(input.channelId);
	if (!channel) throw new EmulatorInputError(`channel ${input.channelId} does not exist`);
	if (!store.users.has(input.userId)) throw new EmulatorInputError(`user ${input.userId} does not exist`);
	const guildId = channel.guildId;
	if (guildId !== null && !store.guilds.get(guildId)?.members.has(input.userId)) {
		throw new EmulatorInputError(`user ${input.userId} is not a member of guild ${guildId}`);
	}
	if (guildId === null && channel.recipientId !== input.userId)
		throw new EmulatorInputError(`user ${input.userId} is not the recipient of DM channel ${channel.id}`);
	const command = findCommand(store, guildId, input.name);
	const files = Object.entries(input.attachments ?? {});
	for (const [name, file] of files) {
		if (file.data.byteLength > MaxAttachmentBytes)
			throw new EmulatorInputError(`attachment "${name}" is ${file.data.byteLength} bytes; Discord's upload limit is 10 MiB`);
	}
	const attachments = files.map(([name, file]) => ({ name, record: createUploadedAttachment(store, channel.id, baseUrl, file) }));
	const chosen = { ...input, options: { ...input.options, ...Object.fromEntries(attachments.map(({ name, record }) => [name, record.id])) } };
	const options = buildInvokedOptions(
		store,
		guildId,
		command,
		chosen,
		attachments.map(({ record }) => record),
	);
	const interaction: InteractionRecord = {
		id: store.ids.next(),
		token: `aW50ZXJhY3Rpb246${store.newToken(60)}`,
		type: input.focused === undefined ? 2 : 4,
		guildId,
		channelId: channel.id,
		userId: input.userId,
		commandId: command.id,
		commandName: command.name,
		options,
		createdAt: Date.now(),
		callback: null,
		originalMessageId: null,
		followUpMessageIds: [],
		autocompleteChoices: null,
		...(attachments.length > 0 ? { attachments: attachments.map(({ record }) => record) } : {}),
		component: null,
	};
	store.addInteraction(interaction);
	store.emit({ type: 'interactionCreate', interaction });
	return interaction;
}

function findCommand(store: EmulatorStore, guildId: string | null, name: string): CommandRecord {
	const commands = [...store.commands.values()].filter((command) => command.type === 1 && (command.guildId === null || command.guildId === guildId));
	const found = commands.find((command) => command.name === name && command.guildId === guildId) ?? commands.find((command) => command.name === name);
	if (found) return found;
	const known = commands.map((command) => `/${command.name}`).join(', ') || 'none';
	throw new EmulatorInputError(`no command /${name} is registered ${guildId ? `for guild ${guildId} or globally` : 'globally'} (registered: ${known})`);
}
