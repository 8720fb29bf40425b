import { parseMentions } from '../mentions/parseMentions.js';
import { type AllowedMentions, type PingedMentions, resolvePings } from '../mentions/resolvePings.js';
import { hasPermission } from '../permissions/computeMemberPermissions.js';
import { memberPermissionsIn } from '../permissions/memberPermissionsIn.js';
import { PermissionFlags } from '../permissions/PermissionFlags.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { ChannelRecord } from '../state/records.js';

/** Input of {@link computePings}. */
export interface ComputePingsInput {
	readonly channel: ChannelRecord;
	readonly content: string;
	/** The user writing (the bot for app messages); null for webhooks, which may always ping @everyone. */
	readonly authorUserId: string | null;
	readonly allowedMentions?: AllowedMentions | undefined;
	readonly repliedUserId?: string | null | undefined;
}

/** Who a message in `channel` pings, from its text, `allowed_mentions` and the author's permissions. */
export function computePings(store: EmulatorStore, input: ComputePingsInput): PingedMentions {
	const { channel, authorUserId } = input;
	const guild = channel.guildId === null ? undefined : store.guilds.get(channel.guildId);
	const mayMentionEveryone =
		authorUserId === null ||
		(guild !== undefined && hasPermission(memberPermissionsIn(store, guild.id, authorUserId, channel), PermissionFlags.MentionEveryone));
	return resolvePings({
		parsed: parseMentions(input.content),
		allowedMentions: input.allowedMentions,
		repliedUserId: input.repliedUserId,
		canMentionEveryone: guild !== undefined && mayMentionEveryone,
		isKnownUser: (id) => store.users.has(id),
		canPingRole: (id) => {
			const role = guild?.roles.get(id);
			return role !== undefined && role.id !== guild?.id && (role.mentionable || mayMentionEveryone);
		},
	});
}
