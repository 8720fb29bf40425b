import { isFromBot } from '../control/toTranscriptMessage.js';
import { EmulatorInputError } from '../errors/EmulatorInputError.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { InteractionRecord } from '../state/records.js';
import { checkSelectedValues } from './checkSelectedValues.js';
import { ButtonStyle, ComponentType, SelectMenuTypes } from './ComponentLimits.js';
import { findComponent, listCustomIds } from './findComponent.js';

/** Input of {@link clickComponent}. */
export interface ClickComponentInput {
	readonly channelId: string;
	readonly messageId: string;
	/** The member (or DM user) clicking. */
	readonly userId: string;
	/** The button's or select menu's `custom_id`. */
	readonly customId: string;
	/** What was picked in a select menu (option values, or user, role or channel ids). */
	readonly values?: readonly string[] | undefined;
}

/** Uses a button or select menu on a bot message as a member: stores a MESSAGE_COMPONENT interaction (type 3) and announces it (INTERACTION_CREATE). */
export function clickComponent(store: EmulatorStore, input: ClickComponentInput): InteractionRecord {
	const channel = store.channels.get(input.channelId);
	if (!channel) throw new EmulatorInputError(`channel ${input.channelId} does not exist`);
	if (!store.users.has(input.userId)) throw new EmulatorInputError(`user ${input.userId} does not exist`);
	if (channel.guildId !== null && !store.guilds.get(channel.guildId)?.members.has(input.userId)) {
		throw new EmulatorInputError(`user ${input.userId} is not a member of guild ${channel.guildId}`);
	}
	if (channel.guildId === null && channel.recipientId !== input.userId) {
		throw new EmulatorInputError(`user ${input.userId} is not the recipient of DM channel ${channel.id}`);
	}
	const message = store.message(channel.id, input.messageId);
	if (!message) throw new EmulatorInputError(`message ${input.messageId} does not exist in channel ${channel.id}`);
	if (!isFromBot(store, message)) throw new EmulatorInputError(`message ${message.id} was not sent by the bot, so its components reach no application`);
	const found = findComponent(message.components, input.customId);
	if (!found) {
		const known = listCustomIds(message.components);
		throw new EmulatorInputError(
			`message ${message.id} has no component with custom_id "${input.customId}" (has: ${known.map((id) => `"${id}"`).join(', ') || 'none'})`,
		);
	}
	const { component } = found;
	const type = Number(component.type);
	if (component.disabled === true) throw new EmulatorInputError(`component "${input.customId}" is disabled and cannot be used`);
	if (type === ComponentType.Button && component.style === ButtonStyle.Premium)
		throw new EmulatorInputError(`premium button "${input.customId}" opens a purchase, not an interaction`);
	const values = input.values ?? [];
	if (type === ComponentType.Button && values.length > 0) throw new EmulatorInputError(`"${input.customId}" is a button; buttons take no values`);
	if (SelectMenuTypes.includes(type)) checkSelectedValues(store, channel.guildId, component, values);

	const interaction: InteractionRecord = {
		id: store.ids.next(),
		token: `aW50ZXJhY3Rpb246${store.newToken(60)}`,
		type: 3,
		guildId: channel.guildId,
		channelId: channel.id,
		userId: input.userId,
		commandId: '',
		commandName: '',
		options: [],
		createdAt: Date.now(),
		callback: null,
		originalMessageId: null,
		followUpMessageIds: [],
		autocompleteChoices: null,
		component: { messageId: message.id, customId: input.customId, componentType: type, values: [...values] },
	};
	store.addInteraction(interaction);
	store.emit({ type: 'interactionCreate', interaction });
	return interaction;
}
