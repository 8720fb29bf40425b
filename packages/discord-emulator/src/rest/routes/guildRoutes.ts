import { DiscordApiFailure } from '../../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../../errors/DiscordErrorCodes.js';
import { serializeGuild } from '../../serialize/serializeGuild.js';
import { serializeChannel, serializeMember, serializeRole } from '../../serialize/serializeGuildParts.js';
import type { EmulatorStore } from '../../state/EmulatorStore.js';
import type { GuildRecord } from '../../state/records.js';
import { json, type RestRoute } from '../RestRoute.js';

/** Read-only guild, channel, member and role lookups. */
export const guildRoutes: readonly RestRoute[] = [
	{
		method: 'GET',
		pattern: '/guilds/:guildId',
		auth: true,
		handle: ({ store, params, query }) => {
			const guild = requireGuild(store, params.guildId);
			const counts = query.get('with_counts') === 'true' ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 } : {};
			return json({ ...serializeGuild(store, guild), ...counts });
		},
	},
	{
		method: 'GET',
		pattern: '/guilds/:guildId/channels',
		auth: true,
		handle: ({ store, params }) => {
			const guild = requireGuild(store, params.guildId);
			return json(
				guild.channelIds.flatMap((id) => {
					const channel = store.channels.get(id);
					return channel ? [serializeChannel(channel)] : [];
				}),
			);
		},
	},
	{
		method: 'GET',
		pattern: '/guilds/:guildId/roles',
		auth: true,
		handle: ({ store, params }) => json([...requireGuild(store, params.guildId).roles.values()].map((role) => serializeRole(role, store.bot.id))),
	},
	{
		method: 'GET',
		pattern: '/guilds/:guildId/members',
		auth: true,
		handle: ({ store, params, query }) => {
			const guild = requireGuild(store, params.guildId);
			const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 1)));
			const after = BigInt(query.get('after') ?? '0');
			const members = [...guild.members.values()]
				.filter((member) => BigInt(member.userId) > after)
				.sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1));
			return json(members.slice(0, limit).map((member) => serializeMember(member, store.users.get(member.userId))));
		},
	},
	{
		method: 'GET',
		pattern: '/guilds/:guildId/members/:userId',
		auth: true,
		handle: ({ store, params }) => {
			const guild = requireGuild(store, params.guildId);
			const member = guild.members.get(params.userId ?? '');
			if (!member) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownMember);
			return json(serializeMember(member, store.users.get(member.userId)));
		},
	},
	{
		method: 'GET',
		pattern: '/channels/:channelId',
		auth: true,
		handle: ({ store, params }) => {
			const channel = store.channels.get(params.channelId ?? '');
			if (!channel) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownChannel);
			return json(serializeChannel(channel, channel.recipientId ? store.users.get(channel.recipientId) : undefined));
		},
	},
];

function requireGuild(store: EmulatorStore, guildId: string | undefined): GuildRecord {
	const guild = store.guilds.get(guildId ?? '');
	if (!guild) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownGuild);
	return guild;
}
