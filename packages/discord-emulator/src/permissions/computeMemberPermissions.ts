import { AllPermissions, PermissionFlags } from './PermissionFlags.js';

/** A role as permission math needs it. */
export interface PermissionRole {
	readonly id: string;
	readonly permissions: bigint;
}

/** A channel permission overwrite: type 0 is a role, 1 a member. */
export interface PermissionOverwrite {
	readonly id: string;
	readonly type: 0 | 1;
	readonly allow: bigint;
	readonly deny: bigint;
}

/** What {@link computeMemberPermissions} needs to know. */
export interface PermissionContext {
	readonly guildId: string;
	readonly ownerId: string;
	readonly userId: string;
	readonly memberRoleIds: readonly string[];
	readonly roles: ReadonlyMap<string, PermissionRole>;
	/** The channel's overwrites; omit for guild-level permissions. */
	readonly overwrites?: readonly PermissionOverwrite[];
}

/**
 * A member's permissions the way Discord computes them: @everyone, then the member's roles,
 * owner and Administrator get everything, then channel overwrites (@everyone, roles, member).
 */
export function computeMemberPermissions(context: PermissionContext): bigint {
	if (context.userId === context.ownerId) return AllPermissions;
	let permissions = context.roles.get(context.guildId)?.permissions ?? 0n;
	for (const roleId of context.memberRoleIds) permissions |= context.roles.get(roleId)?.permissions ?? 0n;
	if ((permissions & PermissionFlags.Administrator) !== 0n) return AllPermissions;
	const overwrites = context.overwrites ?? [];
	if (overwrites.length === 0) return permissions;

	const everyone = overwrites.find((overwrite) => overwrite.type === 0 && overwrite.id === context.guildId);
	if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
	let allow = 0n;
	let deny = 0n;
	for (const overwrite of overwrites) {
		if (overwrite.type === 0 && overwrite.id !== context.guildId && context.memberRoleIds.includes(overwrite.id)) {
			allow |= overwrite.allow;
			deny |= overwrite.deny;
		}
	}
	permissions = (permissions & ~deny) | allow;
	const member = overwrites.find((overwrite) => overwrite.type === 1 && overwrite.id === context.userId);
	if (member) permissions = (permissions & ~member.deny) | member.allow;
	return permissions;
}

/** Whether `permissions` holds every bit of `required`. */
export function hasPermission(permissions: bigint, required: bigint): boolean {
	return (permissions & required) === required;
}
