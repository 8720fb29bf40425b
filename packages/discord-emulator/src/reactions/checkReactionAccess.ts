import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import { hasPermission } from '../permissions/computeMemberPermissions.js';
import { memberPermissionsIn } from '../permissions/memberPermissionsIn.js';
import { PermissionFlags } from '../permissions/PermissionFlags.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { ChannelRecord } from '../state/records.js';

/** What a reaction call needs besides seeing the channel. */
export type ReactionAccess = 'read' | 'react' | 'addNew' | 'manage';

/**
 * Checks a user's permissions for a reaction call as Discord does: View Channel (else 50001), Read Message History to
 * read or react, Add Reactions to start a new emoji, Manage Messages to remove others' (else 50013). In DMs only the two people may react and nobody may remove others' (50003).
 */
export function checkReactionAccess(store: EmulatorStore, channel: ChannelRecord, userId: string, access: ReactionAccess): void {
	if (channel.guildId === null) {
		if (access === 'manage') throw new DiscordApiFailure(403, DiscordErrorCodes.CannotExecuteOnDmChannel);
		if (userId !== store.bot.id && channel.recipientId !== userId) throw new DiscordApiFailure(403, DiscordErrorCodes.MissingAccess);
		return;
	}
	const permissions = memberPermissionsIn(store, channel.guildId, userId, channel);
	if (!hasPermission(permissions, PermissionFlags.ViewChannel)) throw new DiscordApiFailure(403, DiscordErrorCodes.MissingAccess);
	const needed =
		access === 'manage'
			? PermissionFlags.ManageMessages
			: access === 'addNew'
				? PermissionFlags.ReadMessageHistory | PermissionFlags.AddReactions
				: PermissionFlags.ReadMessageHistory;
	if (!hasPermission(permissions, needed)) throw DiscordApiFailure.missingPermissions();
}
