// How Discord shows who someone is in a server: the colour of their highest coloured role and what they may manage.

const administrator = 1n << 3n;
const manageGuild = 1n << 5n;

/** A role colour number as CSS, or null for "no colour" (0). */
export function roleColor(color) {
	return color ? `#${color.toString(16).padStart(6, '0')}` : null;
}

/**
 * What the page shows about a member: `color` of their highest coloured role, `badges` ('Owner', then 'Admin' or
 * 'Manage Server'), and `plain` when they have none of those powers.
 */
export function describeMember(member, guild) {
	if (!member || !guild) return { color: null, badges: [], plain: true };
	const roles = guild.roles.filter((role) => member.roles.includes(role.id) && role.color).sort((a, b) => b.position - a.position);
	const permissions = BigInt(member.permissions ?? '0');
	const badges = [];
	if (guild.ownerId === member.user.id) badges.push('Owner');
	if ((permissions & administrator) !== 0n) badges.push('Admin');
	else if ((permissions & manageGuild) !== 0n) badges.push('Manage Server');
	return { color: roleColor(roles[0]?.color ?? 0), badges, plain: badges.length === 0 };
}

/** The name Discord shows for a member: nickname, else global name, else username. */
export function memberName(member) {
	return member.nick ?? member.user.globalName ?? member.user.username;
}
