/** Gateway intent bits the emulator acts on (others are accepted and ignored). */
export const GatewayIntents = {
	Guilds: 1 << 0,
	GuildMembers: 1 << 1,
	GuildModeration: 1 << 2,
	GuildExpressions: 1 << 3,
	GuildIntegrations: 1 << 4,
	GuildWebhooks: 1 << 5,
	GuildInvites: 1 << 6,
	GuildVoiceStates: 1 << 7,
	GuildPresences: 1 << 8,
	GuildMessages: 1 << 9,
	GuildMessageReactions: 1 << 10,
	GuildMessageTyping: 1 << 11,
	DirectMessages: 1 << 12,
	DirectMessageReactions: 1 << 13,
	DirectMessageTyping: 1 << 14,
	MessageContent: 1 << 15,
	GuildScheduledEvents: 1 << 16,
	AutoModerationConfiguration: 1 << 20,
	AutoModerationExecution: 1 << 21,
	GuildMessagePolls: 1 << 24,
	DirectMessagePolls: 1 << 25,
} as const;

/** Every bit Discord defines; an IDENTIFY with any other bit is closed with 4013. */
export const KnownIntentBits: number = Object.values(GatewayIntents).reduce((all, bit) => all | bit, 0);

/** Intents that need approval in the developer portal. */
export const PrivilegedIntents: number = GatewayIntents.GuildMembers | GatewayIntents.GuildPresences | GatewayIntents.MessageContent;

/** Gateway close codes the emulator sends. */
export const GatewayCloseCodes = {
	UnknownError: 4000,
	UnknownOpcode: 4001,
	DecodeError: 4002,
	NotAuthenticated: 4003,
	AuthenticationFailed: 4004,
	AlreadyAuthenticated: 4005,
	InvalidSeq: 4007,
	RateLimited: 4008,
	SessionTimedOut: 4009,
	InvalidShard: 4010,
	ShardingRequired: 4011,
	InvalidAPIVersion: 4012,
	InvalidIntents: 4013,
	DisallowedIntents: 4014,
} as const;
