import { memberPermissionsIn } from '../permissions/memberPermissionsIn.js';
import { serializeMember, serializeRole } from '../serialize/serializeGuildParts.js';
import { serializeMessage } from '../serialize/serializeMessage.js';
import { serializeUser } from '../serialize/serializeUser.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { ComponentInteractionData, InteractionRecord } from '../state/records.js';
import { ComponentType, SelectMenuTypes } from './ComponentLimits.js';

/** The `data` and `message` of a MESSAGE_COMPONENT interaction payload: what was used, the picked values with `resolved` entities, and the message it sits on. */
export function serializeComponentInteraction(
	store: EmulatorStore,
	interaction: InteractionRecord,
	component: ComponentInteractionData,
): { data: Record<string, unknown>; message: Record<string, unknown> | null } {
	const data: Record<string, unknown> = { custom_id: component.customId, component_type: component.componentType };
	if (SelectMenuTypes.includes(component.componentType)) data.values = component.values;
	if (component.componentType !== ComponentType.StringSelect && component.values.length > 0) {
		const resolved = resolveValues(store, interaction.guildId, component.values);
		if (Object.keys(resolved).length > 0) data.resolved = resolved;
	}
	const message = store.message(interaction.channelId, component.messageId);
	return { data, message: message ? serializeMessage(store, message, { gateway: false }) : null };
}

function resolveValues(store: EmulatorStore, guildId: string | null, values: readonly string[]): Record<string, Record<string, unknown>> {
	const guild = guildId === null ? undefined : store.guilds.get(guildId);
	const resolved: Record<string, Record<string, unknown>> = {};
	const add = (kind: string, id: string, value: unknown) => {
		resolved[kind] ??= {};
		resolved[kind][id] = value;
	};
	for (const id of values) {
		const user = store.users.get(id);
		if (user) {
			add('users', id, serializeUser(user));
			const member = guild?.members.get(id);
			if (member && guild) add('members', id, { ...serializeMember(member), permissions: memberPermissionsIn(store, guild.id, id).toString() });
		}
		const role = guild?.roles.get(id);
		if (role) add('roles', id, serializeRole(role, store.bot.id));
		const channel = store.channels.get(id);
		if (channel && guild) {
			add('channels', id, {
				id: channel.id,
				name: channel.name,
				type: channel.type,
				permissions: memberPermissionsIn(store, guild.id, store.bot.id, channel).toString(),
			});
		}
	}
	return resolved;
}
