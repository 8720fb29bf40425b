import { Client, GatewayIntentBits, Options, Partials } from 'discord.js';

/** The only intents the gateway asks for: guild and DM messages with their text. */
export const GatewayIntents = [
	GatewayIntentBits.Guilds,
	GatewayIntentBits.GuildMessages,
	GatewayIntentBits.MessageContent,
	GatewayIntentBits.DirectMessages,
] as const;

/** Options of {@link createDiscordClient}. */
export interface DiscordClientOptions {
	/** REST base instead of discord.com (the emulator). */
	readonly apiUrl?: string | undefined;
	/** Most guild members kept, so message authors' nicknames resolve; the bot's own member is always kept. */
	readonly memberCacheSize?: number;
	/** Total shards of the bot (`DISCORD_SHARD_COUNT`); unset: discord.js's defaults. */
	readonly shardCount?: number | undefined;
	/** The shards this process connects (`DISCORD_SHARD_IDS`); unset with a count: every shard. */
	readonly shardIds?: readonly number[] | undefined;
	/** Requests per second Discord allows the bot (`DISCORD_GLOBAL_RATE_LIMIT`); unset: discord.js's 50. */
	readonly globalRequestsPerSecond?: number | undefined;
}

/** Defaults of {@link DiscordClientOptions}. */
export const DefaultDiscordClientOptions = {
	memberCacheSize: 200,
} as const satisfies Required<Pick<DiscordClientOptions, 'memberCacheSize'>>;

/**
 * A discord.js client with declared intents, `Partials.Channel` (DM channels arrive uncached) and bounded caches:
 * no messages, presences, reactions, emoji or voice states; a capped member and user cache. Whatever it posts pings
 * nobody unless the post says whom (`allowedMentions`). With a shard count it connects the given shards (all of them by
 * default); without one, discord.js's defaults apply.
 */
export function createDiscordClient(options: DiscordClientOptions = {}): Client {
	const memberCacheSize = options.memberCacheSize ?? DefaultDiscordClientOptions.memberCacheSize;
	return new Client({
		intents: [...GatewayIntents],
		partials: [Partials.Channel],
		// Discord's own default pings everything written (`@everyone` included); a post that forgets to say falls back to nobody.
		allowedMentions: { parse: [] },
		makeCache: Options.cacheWithLimits({
			MessageManager: 0,
			PresenceManager: 0,
			ReactionManager: 0,
			ReactionUserManager: 0,
			GuildEmojiManager: 0,
			BaseGuildEmojiManager: 0,
			GuildStickerManager: 0,
			GuildScheduledEventManager: 0,
			GuildInviteManager: 0,
			GuildBanManager: 0,
			StageInstanceManager: 0,
			VoiceStateManager: 0,
			ThreadMemberManager: 0,
			AutoModerationRuleManager: 0,
			ApplicationCommandManager: 0,
			GuildMemberManager: { maxSize: memberCacheSize, keepOverLimit: (member) => member.id === member.client.user.id },
			UserManager: { maxSize: memberCacheSize * 2, keepOverLimit: (user) => user.id === user.client.user.id },
		}),
		sweepers: {
			...Options.DefaultSweeperSettings,
			guildMembers: { interval: 3600, filter: () => (member) => member.id !== member.client.user.id },
			users: { interval: 3600, filter: () => (user) => user.id !== user.client.user.id },
		},
		rest: {
			...(options.apiUrl === undefined ? {} : { api: options.apiUrl }),
			...(options.globalRequestsPerSecond === undefined ? {} : { globalRequestsPerSecond: options.globalRequestsPerSecond }),
		},
		...shardOptions(options.shardCount, options.shardIds),
	});
}

function shardOptions(shardCount: number | undefined, shardIds: readonly number[] | undefined): { shards?: number[]; shardCount?: number } {
	if (shardCount === undefined) return {};
	return { shardCount, shards: shardIds === undefined ? Array.from({ length: shardCount }, (_, id) => id) : [...shardIds] };
}
