/** The channels and members a load test asks from (see {@link createLoadAudience}). */
export interface LoadAudience {
	readonly guildId: string;
	readonly channelIds: readonly string[];
	readonly memberIds: readonly string[];
}
