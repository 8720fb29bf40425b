/** Which settings a write changed: a guild's (so every channel of it) or one channel's; `guild` is the id or `dm`. */
export interface SettingsChange {
	readonly guild: string;
	readonly channelId?: string;
}

// The id parts Keyspace accepts, so every key that can be written can be announced.
const changePattern = /^([A-Za-z0-9_.@-]{1,100})(?:\/([A-Za-z0-9_.@-]{1,100}))?$/;

/** The pub/sub message of a settings write (`Keyspace.settingsChanges`): `<guild>` or `<guild>/<channel>`, `dm` for no guild. */
export const SettingsChangeMessage = {
	/** The message announcing a write of the guild's settings, or of one channel's when `channelId` is set. */
	format(guildId: string | null, channelId?: string): string {
		const guild = guildId ?? 'dm';
		return channelId === undefined ? guild : `${guild}/${channelId}`;
	},
	/** The change a message announces; undefined when it is not one. */
	parse(message: string): SettingsChange | undefined {
		const match = changePattern.exec(message);
		if (match === null) return undefined;
		const [, guild = '', channelId] = match;
		return channelId === undefined ? { guild } : { guild, channelId };
	},
} as const;
