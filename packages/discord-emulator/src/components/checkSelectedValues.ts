import { EmulatorInputError } from '../errors/EmulatorInputError.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { ComponentType } from './ComponentLimits.js';

/** Checks what a member picked in a select menu the way Discord's client limits it: known values, between `min_values` and `max_values`. */
export function checkSelectedValues(store: EmulatorStore, guildId: string | null, menu: Readonly<Record<string, unknown>>, values: readonly string[]): void {
	const customId = String(menu.custom_id);
	const type = Number(menu.type);
	const min = typeof menu.min_values === 'number' ? menu.min_values : 1;
	const max = typeof menu.max_values === 'number' ? menu.max_values : 1;
	if (values.length < min || values.length > max) {
		throw new EmulatorInputError(`select menu "${customId}" takes ${min === max ? min : `${min} to ${max}`} value(s), got ${values.length}`);
	}
	if (new Set(values).size !== values.length) throw new EmulatorInputError(`select menu "${customId}" got the same value twice`);
	const guild = guildId === null ? undefined : store.guilds.get(guildId);
	const isUser = (id: string) => store.users.has(id) && (guild === undefined || guild.members.has(id));
	const isRole = (id: string) => guild?.roles.has(id) ?? false;
	for (const value of values) {
		let valid: boolean;
		let expected: string;
		switch (type) {
			case ComponentType.StringSelect: {
				const options = Array.isArray(menu.options) ? (menu.options as { value?: unknown }[]) : [];
				valid = options.some((option) => option.value === value);
				expected = `one of ${options.map((option) => JSON.stringify(option.value)).join(', ')}`;
				break;
			}
			case ComponentType.UserSelect:
				valid = isUser(value);
				expected = 'a user id (a member of this guild)';
				break;
			case ComponentType.RoleSelect:
				valid = isRole(value);
				expected = 'a role id of this guild';
				break;
			case ComponentType.MentionableSelect:
				valid = isUser(value) || isRole(value);
				expected = 'a member or role id';
				break;
			default: {
				const channel = store.channels.get(value);
				const types = Array.isArray(menu.channel_types) ? (menu.channel_types as unknown[]) : null;
				valid = channel !== undefined && channel.guildId === guildId && (types === null || types.includes(channel.type));
				expected = `a channel id of this guild${types ? ` with type ${types.join(' or ')}` : ''}`;
			}
		}
		if (!valid) throw new EmulatorInputError(`select menu "${customId}" value ${JSON.stringify(value)} must be ${expected}`);
	}
}
