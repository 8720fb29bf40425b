import type { PermissionOverwrite } from '../permissions/computeMemberPermissions.js';
import type { ChannelRecord, MemberRecord, RoleRecord, UserRecord } from '../state/records.js';
import { ChannelType } from '../state/records.js';
import { serializeUser } from './serializeUser.js';

/** A role object as the API sends it. */
export function serializeRole(role: RoleRecord, botId: string): Record<string, unknown> {
	return {
		id: role.id,
		name: role.name,
		color: role.color,
		colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
		hoist: role.hoist,
		icon: null,
		unicode_emoji: null,
		position: role.position,
		permissions: role.permissions.toString(),
		managed: role.managed,
		mentionable: role.mentionable,
		flags: 0,
		...(role.managed ? { tags: { bot_id: botId } } : {}),
	};
}

/** A guild member object; `user` is included when given. */
export function serializeMember(member: MemberRecord, user?: UserRecord): Record<string, unknown> {
	return {
		...(user ? { user: serializeUser(user) } : {}),
		nick: member.nick,
		avatar: null,
		banner: null,
		roles: member.roles,
		joined_at: new Date(member.joinedAt).toISOString(),
		premium_since: null,
		deaf: false,
		mute: false,
		flags: 0,
		pending: false,
		communication_disabled_until: null,
	};
}

/** A channel object; DM channels carry their recipient. */
export function serializeChannel(channel: ChannelRecord, recipient?: UserRecord): Record<string, unknown> {
	if (channel.type === ChannelType.DM) {
		return { id: channel.id, type: channel.type, last_message_id: channel.lastMessageId, flags: 0, recipients: recipient ? [serializeUser(recipient)] : [] };
	}
	return {
		id: channel.id,
		type: channel.type,
		guild_id: channel.guildId,
		name: channel.name,
		position: channel.position,
		permission_overwrites: channel.overwrites.map(serializeOverwrite),
		parent_id: channel.parentId,
		flags: 0,
		...(channel.type === ChannelType.GuildText ? { topic: channel.topic, nsfw: false, last_message_id: channel.lastMessageId, rate_limit_per_user: 0 } : {}),
	};
}

function serializeOverwrite(overwrite: PermissionOverwrite): Record<string, unknown> {
	return { id: overwrite.id, type: overwrite.type, allow: overwrite.allow.toString(), deny: overwrite.deny.toString() };
}
