import { DefaultEveryonePermissions, PermissionFlags } from '../permissions/PermissionFlags.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { GuildRecord } from '../state/records.js';
import { createUser } from '../users/createUser.js';

/** What the bot's own integration role may do: talk, read history, manage webhooks and messages, ping @everyone. */
export const BotRolePermissions: bigint =
	DefaultEveryonePermissions | PermissionFlags.ManageWebhooks | PermissionFlags.ManageMessages | PermissionFlags.MentionEveryone | PermissionFlags.EmbedLinks;

/** Input of {@link createGuild}. */
export interface CreateGuildInput {
	readonly name: string;
	/** The owner (all permissions); a shared "server_owner" user when omitted. */
	readonly ownerId?: string;
	/** Permissions of @everyone; Discord's defaults when omitted. */
	readonly everyonePermissions?: bigint;
}

/** Creates a guild with @everyone, the bot's managed role and the bot as a member; announces it (GUILD_CREATE). */
export function createGuild(store: EmulatorStore, input: CreateGuildInput): GuildRecord {
	const id = store.ids.nextInNewMillisecond();
	const ownerId = input.ownerId ?? defaultOwner(store);
	const guild: GuildRecord = { id, name: input.name, ownerId, channelIds: [], roles: new Map(), members: new Map() };
	const everyone = input.everyonePermissions ?? DefaultEveryonePermissions;
	guild.roles.set(id, { id, guildId: id, name: '@everyone', permissions: everyone, position: 0, color: 0, mentionable: false, hoist: false, managed: false });
	const botRoleId = store.ids.next();
	guild.roles.set(botRoleId, {
		id: botRoleId,
		guildId: id,
		name: store.bot.username,
		permissions: BotRolePermissions,
		position: 1,
		color: 0,
		mentionable: false,
		hoist: false,
		managed: true,
	});
	const now = Date.now();
	guild.members.set(store.bot.id, { userId: store.bot.id, roles: [botRoleId], joinedAt: now, nick: null });
	if (ownerId !== store.bot.id) guild.members.set(ownerId, { userId: ownerId, roles: [], joinedAt: now, nick: null });
	store.guilds.set(id, guild);
	store.emit({ type: 'guildCreate', guild });
	return guild;
}

function defaultOwner(store: EmulatorStore): string {
	for (const user of store.users.values()) if (user.username === 'server_owner' && !user.bot) return user.id;
	return createUser(store, { username: 'server_owner', globalName: 'Server Owner' }).id;
}
