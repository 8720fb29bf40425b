import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { RoleRecord } from '../state/records.js';

/** Input of {@link createRole}. */
export interface CreateRoleInput {
	readonly name: string;
	readonly permissions?: bigint;
	readonly mentionable?: boolean;
	readonly color?: number;
	readonly hoist?: boolean;
}

/** Creates a role above the existing ones and announces it (GUILD_ROLE_CREATE). */
export function createRole(store: EmulatorStore, guildId: string, input: CreateRoleInput): RoleRecord {
	const guild = store.guilds.get(guildId);
	if (!guild) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownGuild);
	const role: RoleRecord = {
		id: store.ids.next(),
		guildId,
		name: input.name,
		permissions: input.permissions ?? 0n,
		position: guild.roles.size,
		color: input.color ?? 0,
		mentionable: input.mentionable ?? false,
		hoist: input.hoist ?? false,
		managed: false,
	};
	guild.roles.set(role.id, role);
	store.emit({ type: 'roleCreate', role });
	return role;
}
