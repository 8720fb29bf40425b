/** What a session looks like to a dispatch deciding its payload. */
export interface SessionView {
	readonly intents: number;
	readonly largeThreshold: number;
}

/** One event to send to the sessions of the shard that owns `guildId` (shard 0 for DMs). */
export interface Dispatch {
	readonly t: string;
	readonly guildId: string | null;
	/** Sessions need one of these intent bits; 0 means every session gets it. */
	readonly intents: number;
	/** The `d` JSON for a session; implementations cache per variant so many sessions cost one serialization. */
	readonly render: (session: SessionView) => string;
}
