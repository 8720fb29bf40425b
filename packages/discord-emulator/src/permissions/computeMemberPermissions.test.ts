import { describe, expect, it } from 'vitest';
import { computeMemberPermissions, hasPermission, type PermissionRole } from './computeMemberPermissions.js';
import { AllPermissions, DefaultEveryonePermissions, PermissionFlags, resolvePermissions } from './PermissionFlags.js';

const guildId = '100000000000000000';
const roles = new Map<string, PermissionRole>([
	[guildId, { id: guildId, permissions: DefaultEveryonePermissions }],
	['200000000000000000', { id: '200000000000000000', permissions: PermissionFlags.ManageGuild }],
	['300000000000000000', { id: '300000000000000000', permissions: PermissionFlags.Administrator }],
]);
const base = { guildId, ownerId: '900000000000000000', roles };

describe('computeMemberPermissions', () => {
	it('gives a plain member what @everyone has', () => {
		const permissions = computeMemberPermissions({ ...base, userId: '1', memberRoleIds: [] });
		expect(permissions).toBe(DefaultEveryonePermissions);
		expect(hasPermission(permissions, PermissionFlags.ManageGuild)).toBe(false);
	});

	it('adds role permissions', () => {
		const permissions = computeMemberPermissions({ ...base, userId: '1', memberRoleIds: ['200000000000000000'] });
		expect(hasPermission(permissions, PermissionFlags.ManageGuild | PermissionFlags.SendMessages)).toBe(true);
	});

	it('gives Administrator and the owner everything, overwrites notwithstanding', () => {
		const deny = [{ id: guildId, type: 0 as const, allow: 0n, deny: AllPermissions }];
		expect(computeMemberPermissions({ ...base, userId: '1', memberRoleIds: ['300000000000000000'], overwrites: deny })).toBe(AllPermissions);
		expect(computeMemberPermissions({ ...base, userId: base.ownerId, memberRoleIds: [], overwrites: deny })).toBe(AllPermissions);
	});

	it('applies overwrites in order: @everyone, roles, then the member', () => {
		const overwrites = [
			{ id: guildId, type: 0 as const, allow: 0n, deny: PermissionFlags.SendMessages },
			{ id: '200000000000000000', type: 0 as const, allow: PermissionFlags.SendMessages, deny: 0n },
			{ id: '7', type: 1 as const, allow: 0n, deny: PermissionFlags.SendMessages },
		];
		const plain = computeMemberPermissions({ ...base, userId: '1', memberRoleIds: [], overwrites });
		const withRole = computeMemberPermissions({ ...base, userId: '1', memberRoleIds: ['200000000000000000'], overwrites });
		const deniedMember = computeMemberPermissions({ ...base, userId: '7', memberRoleIds: ['200000000000000000'], overwrites });
		expect(hasPermission(plain, PermissionFlags.SendMessages)).toBe(false);
		expect(hasPermission(withRole, PermissionFlags.SendMessages)).toBe(true);
		expect(hasPermission(deniedMember, PermissionFlags.SendMessages)).toBe(false);
	});
});

describe('resolvePermissions', () => {
	it('reads names, digit strings and numbers', () => {
		expect(resolvePermissions(['ManageGuild', 'SendMessages'])).toBe(PermissionFlags.ManageGuild | PermissionFlags.SendMessages);
		expect(resolvePermissions('32')).toBe(PermissionFlags.ManageGuild);
		expect(resolvePermissions(8)).toBe(PermissionFlags.Administrator);
	});

	it('names the bad value', () => {
		expect(() => resolvePermissions(['Fly' as 'ManageGuild'])).toThrow(/Unknown permission name "Fly"/);
		expect(() => resolvePermissions('lots')).toThrow(/digit string/);
	});
});
