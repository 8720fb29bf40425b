// The choices of the @ picker: members (and the bot), mentionable roles, @everyone and @here.
import { describeMember, memberName, roleColor } from './memberRoles.js';

/** Picker entries for a guild channel, or for a DM (`dm` set: only its recipient and the bot, no roles). */
export function mentionCandidates({ guild, members, bot, dm }) {
	const shown = dm ? members.filter((member) => member.user.id === dm.recipientId || member.user.id === bot?.id) : members;
	const people = shown.map((member) => ({
		id: member.user.id,
		kind: 'user',
		label: memberName(member),
		detail: member.user.bot ? `${member.user.username} · BOT` : member.user.username,
		keys: [memberName(member), member.user.username, member.user.globalName ?? ''],
		color: describeMember(member, guild).color,
		syntax: `<@${member.user.id}>`,
	}));
	if (dm || !guild) return people;
	const roles = guild.roles
		.filter((role) => role.mentionable && role.id !== guild.id)
		.map((role) => ({
			id: role.id,
			kind: 'role',
			label: role.name,
			detail: 'role',
			keys: [role.name],
			color: roleColor(role.color),
			syntax: `<@&${role.id}>`,
		}));
	const everyone = ['everyone', 'here'].map((name) => ({
		id: null,
		kind: 'everyone',
		label: `@${name}`,
		detail: name === 'everyone' ? 'everyone in this channel' : 'everyone online',
		keys: [name],
		color: null,
		syntax: `@${name}`,
	}));
	return [...people, ...roles, ...everyone];
}
