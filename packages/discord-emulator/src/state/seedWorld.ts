import { openDmChannel } from '../channels/openDmChannel.js';
import { addMember } from '../guilds/addMember.js';
import { createChannel } from '../guilds/createChannel.js';
import { createGuild } from '../guilds/createGuild.js';
import { createRole } from '../guilds/createRole.js';
import { PermissionFlags } from '../permissions/PermissionFlags.js';
import { createUser } from '../users/createUser.js';
import type { EmulatorStore } from './EmulatorStore.js';

/** How much to seed. */
export interface SeedSize {
	readonly guilds: number;
	readonly channelsPerGuild: number;
	/** Members besides the bot; the same users join every guild. */
	readonly membersPerGuild: number;
}

/** The default seed: one guild, #general, #kitchen and #bot-lab, five people. */
export const DefaultSeedSize = { guilds: 1, channelsPerGuild: 3, membersPerGuild: 5 } as const satisfies SeedSize;

/** Ids of what the seed made, by name, for tests and the CLI. */
export interface SeededWorld {
	/** The first guild, "Quahog Community". */
	readonly guildId: string;
	readonly guildIds: readonly string[];
	/** Channels of the first guild by name (`general`, `kitchen`, `bot-lab`, `channel-4`...). */
	readonly channels: Readonly<Record<string, string>>;
	/** Users by username: `alice`, `bob`, `carol` (plain), `dana` (owner, Admin), `erin` (Moderators: Manage Server); then `member-6`... */
	readonly users: Readonly<Record<string, string>>;
	/** Roles of the first guild: `admin` (Administrator) and `moderators` (Manage Server, mentionable). */
	readonly roles: { readonly admin: string; readonly moderators: string };
	/** The bot's DM channel with alice. */
	readonly dmChannelId: string;
}

const people = [
	['alice', 'Alice'],
	['bob', 'Bob'],
	['carol', 'Carol'],
	['dana', 'Dana'],
	['erin', 'Erin'],
] as const;
const channelNames = ['general', 'kitchen', 'bot-lab'];

/** Seeds guilds, channels, roles and members; guild ids land in separate milliseconds so they spread evenly over shards. */
export function seedWorld(store: EmulatorStore, size: SeedSize = DefaultSeedSize): SeededWorld {
	if (size.guilds < 1 || size.membersPerGuild < 1 || size.channelsPerGuild < 1) throw new Error('seed needs at least one guild, channel and member');
	const users: Record<string, string> = {};
	const userIds: string[] = [];
	for (let index = 0; index < size.membersPerGuild; index++) {
		const [username, globalName] = people[index] ?? [`member-${index + 1}`, null];
		const user = createUser(store, { username, globalName });
		users[username] = user.id;
		userIds.push(user.id);
	}
	const ownerId = users.dana ?? userIds[0] ?? '';
	const guildIds: string[] = [];
	let first: { channels: Record<string, string>; roles: { admin: string; moderators: string } } | undefined;
	for (let index = 0; index < size.guilds; index++) {
		const guild = createGuild(store, { name: index === 0 ? 'Quahog Community' : `Quahog Community ${index + 1}`, ownerId });
		guildIds.push(guild.id);
		const admin = createRole(store, guild.id, { name: 'Admin', permissions: PermissionFlags.Administrator, color: 0xe74c3c, hoist: true });
		const moderators = createRole(store, guild.id, {
			name: 'Moderators',
			permissions: PermissionFlags.ManageGuild | PermissionFlags.ManageMessages,
			mentionable: true,
			color: 0x3498db,
		});
		const channels: Record<string, string> = {};
		for (let channelIndex = 0; channelIndex < size.channelsPerGuild; channelIndex++) {
			const name = channelNames[channelIndex] ?? `channel-${channelIndex + 1}`;
			channels[name] = createChannel(store, guild.id, { name, topic: channelIndex === 2 ? 'Try the bot here' : null }).id;
		}
		for (const userId of userIds) {
			const roles = userId === users.dana ? [admin.id] : userId === users.erin ? [moderators.id] : undefined;
			addMember(store, guild.id, userId, roles ? { roles } : {});
		}
		first ??= { channels, roles: { admin: admin.id, moderators: moderators.id } };
	}
	const firstUser = userIds[0] ?? '';
	return {
		guildId: guildIds[0] ?? '',
		guildIds,
		channels: first?.channels ?? {},
		users,
		roles: first?.roles ?? { admin: '', moderators: '' },
		dmChannelId: openDmChannel(store, firstUser).id,
	};
}
