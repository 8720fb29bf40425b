import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { MemberRecord } from '../state/records.js';

/** Input of {@link addMember}. */
export interface AddMemberInput {
	readonly roles?: readonly string[];
	readonly nick?: string | null;
}

/** Adds a user to a guild (or updates roles and nick of an existing member) and announces a new member (GUILD_MEMBER_ADD). */
export function addMember(store: EmulatorStore, guildId: string, userId: string, input: AddMemberInput = {}): MemberRecord {
	const guild = store.guilds.get(guildId);
	if (!guild) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownGuild);
	if (!store.users.has(userId)) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownUser);
	for (const roleId of input.roles ?? []) if (!guild.roles.has(roleId)) throw new Error(`role ${roleId} is not in guild ${guildId}`);
	const existing = guild.members.get(userId);
	if (existing) {
		if (input.roles) existing.roles = [...input.roles];
		if (input.nick !== undefined) existing.nick = input.nick;
		return existing;
	}
	const member: MemberRecord = { userId, roles: input.roles ? [...input.roles] : noRoles, joinedAt: Date.now(), nick: input.nick ?? null };
	guild.members.set(userId, member);
	store.emit({ type: 'memberAdd', guildId, member });
	return member;
}

// One shared frozen array: a 100,000-member seed should not allocate 100,000 empty ones.
const noRoles: readonly string[] = Object.freeze([]);
