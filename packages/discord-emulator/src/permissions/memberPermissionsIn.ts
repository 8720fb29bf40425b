import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { ChannelRecord } from '../state/records.js';
import { computeMemberPermissions } from './computeMemberPermissions.js';

/** A user's permissions in a guild channel (or the guild when `channel` is its guild-level view); 0 for non-members. */
export function memberPermissionsIn(store: EmulatorStore, guildId: string, userId: string, channel?: ChannelRecord): bigint {
	const guild = store.guilds.get(guildId);
	const member = guild?.members.get(userId);
	if (!guild || !member) return 0n;
	return computeMemberPermissions({
		guildId,
		ownerId: guild.ownerId,
		userId,
		memberRoleIds: member.roles,
		roles: guild.roles,
		...(channel ? { overwrites: channel.overwrites } : {}),
	});
}
