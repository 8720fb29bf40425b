import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { GuildRecord } from '../state/records.js';
import { serializeChannel, serializeMember, serializeRole } from './serializeGuildParts.js';

/** A guild object as `GET /guilds/{id}` returns it. */
export function serializeGuild(store: EmulatorStore, guild: GuildRecord): Record<string, unknown> {
	return {
		id: guild.id,
		name: guild.name,
		icon: null,
		splash: null,
		discovery_splash: null,
		banner: null,
		description: null,
		home_header: null,
		owner_id: guild.ownerId,
		// Voice regions moved to channels; the guild field stays for old clients with this fixed value.
		region: 'deprecated',
		afk_channel_id: null,
		afk_timeout: 300,
		verification_level: 0,
		default_message_notifications: 1,
		explicit_content_filter: 0,
		mfa_level: 0,
		nsfw_level: 0,
		premium_tier: 0,
		premium_subscription_count: 0,
		premium_progress_bar_enabled: false,
		nsfw: false,
		preferred_locale: 'en-US',
		system_channel_id: guild.channelIds[0] ?? null,
		system_channel_flags: 0,
		widget_enabled: false,
		widget_channel_id: null,
		rules_channel_id: null,
		public_updates_channel_id: null,
		safety_alerts_channel_id: null,
		vanity_url_code: null,
		application_id: null,
		max_presences: null,
		max_members: 500_000,
		max_video_channel_users: 25,
		max_stage_video_channel_users: 50,
		features: [],
		emojis: [],
		stickers: [],
		roles: [...guild.roles.values()].map((role) => serializeRole(role, store.bot.id)),
		incidents_data: null,
	};
}

/** Options of {@link serializeGuildCreate}. */
export interface GuildCreateOptions {
	/** Send every member (small guild with the presences intent) or only the bot, as Discord does for large guilds. */
	readonly allMembers: boolean;
	/** Member count above which the guild is flagged `large` (IDENTIFY's `large_threshold`). */
	readonly largeThreshold: number;
}

/** The GUILD_CREATE payload: the guild plus channels, members, joined_at and the other gateway-only fields. */
export function serializeGuildCreate(store: EmulatorStore, guild: GuildRecord, options: GuildCreateOptions): Record<string, unknown> {
	const members = options.allMembers ? [...guild.members.values()] : [guild.members.get(store.bot.id)].filter((member) => member !== undefined);
	const channels = [];
	for (const id of guild.channelIds) {
		const channel = store.channels.get(id);
		if (channel) channels.push(serializeChannel(channel));
	}
	return {
		...serializeGuild(store, guild),
		unavailable: false,
		joined_at: new Date(guild.members.get(store.bot.id)?.joinedAt ?? Date.now()).toISOString(),
		large: guild.members.size > options.largeThreshold,
		member_count: guild.members.size,
		lazy: true,
		members: members.map((member) => serializeMember(member, store.users.get(member.userId))),
		channels,
		threads: [],
		presences: [],
		voice_states: [],
		stage_instances: [],
		guild_scheduled_events: [],
		soundboard_sounds: [],
		embedded_activities: [],
	};
}
