import { memberPermissionsIn } from '../permissions/memberPermissionsIn.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { ChannelRecord, CommandRecord, GuildRecord, MemberRecord, RoleRecord, UserRecord } from '../state/records.js';

/** A user as the control API shows it. */
export interface UserInfo {
	readonly id: string;
	readonly username: string;
	readonly globalName: string | null;
	readonly bot: boolean;
	readonly avatarUrl: string | null;
}

/** A channel as the control API shows it. */
export interface ChannelInfo {
	readonly id: string;
	readonly guildId: string | null;
	readonly name: string;
	/** 0 text, 1 DM, 4 category. */
	readonly type: number;
	/** The user of a DM channel. */
	readonly recipientId: string | null;
}

/** A role as the control API shows it. */
export interface RoleInfo {
	readonly id: string;
	readonly guildId: string;
	readonly name: string;
	/** Permission bitfield as a digit string. */
	readonly permissions: string;
	readonly mentionable: boolean;
	readonly managed: boolean;
	/** RGB colour as a number; 0 is no colour. */
	readonly color: number;
	/** Higher is more senior; a member's name takes the colour of their highest coloured role. */
	readonly position: number;
}

/** A membership as the control API shows it, with the permissions Discord would compute. */
export interface MemberInfo {
	readonly guildId: string;
	readonly user: UserInfo;
	readonly roles: readonly string[];
	readonly nick: string | null;
	readonly permissions: string;
}

/** A guild summary. */
export interface GuildInfo {
	readonly id: string;
	readonly name: string;
	readonly ownerId: string;
	readonly memberCount: number;
	readonly channels: readonly ChannelInfo[];
	readonly roles: readonly RoleInfo[];
}

/** A registered command, for the playground's command form. */
export interface CommandInfo {
	readonly id: string;
	readonly guildId: string | null;
	readonly name: string;
	readonly description: string;
	readonly options: CommandRecord['options'];
	readonly defaultMemberPermissions: string | null;
}

/** Converts a user. */
export function userInfo(user: UserRecord): UserInfo {
	return { id: user.id, username: user.username, globalName: user.globalName, bot: user.bot, avatarUrl: user.avatarUrl };
}

/** Converts a channel. */
export function channelInfo(channel: ChannelRecord): ChannelInfo {
	return { id: channel.id, guildId: channel.guildId, name: channel.name, type: channel.type, recipientId: channel.recipientId };
}

/** Converts a role. */
export function roleInfo(role: RoleRecord): RoleInfo {
	return {
		id: role.id,
		guildId: role.guildId,
		name: role.name,
		permissions: role.permissions.toString(),
		mentionable: role.mentionable,
		managed: role.managed,
		color: role.color,
		position: role.position,
	};
}

/** Converts a membership. */
export function memberInfo(store: EmulatorStore, guildId: string, member: MemberRecord): MemberInfo {
	const user = store.users.get(member.userId);
	return {
		guildId,
		user: user ? userInfo(user) : { id: member.userId, username: 'unknown', globalName: null, bot: false, avatarUrl: null },
		roles: member.roles,
		nick: member.nick,
		permissions: memberPermissionsIn(store, guildId, member.userId).toString(),
	};
}

/** Converts a guild. */
export function guildInfo(store: EmulatorStore, guild: GuildRecord): GuildInfo {
	return {
		id: guild.id,
		name: guild.name,
		ownerId: guild.ownerId,
		memberCount: guild.members.size,
		channels: guild.channelIds.flatMap((id) => {
			const channel = store.channels.get(id);
			return channel ? [channelInfo(channel)] : [];
		}),
		roles: [...guild.roles.values()].map(roleInfo),
	};
}

/** Converts a command. */
export function commandInfo(command: CommandRecord): CommandInfo {
	return {
		id: command.id,
		guildId: command.guildId,
		name: command.name,
		description: command.description,
		options: command.options,
		defaultMemberPermissions: command.defaultMemberPermissions,
	};
}
