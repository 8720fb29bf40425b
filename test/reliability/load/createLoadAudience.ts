import type { PlatformHarness } from '../../pipeline/platformHarness.js';
import type { LoadAudience } from './LoadAudience.js';

/** Options of {@link createLoadAudience}. */
export interface LoadAudienceOptions {
	/** Names channels and members, so two audiences of one platform never collide. */
	readonly tag: string;
	readonly channels: number;
	readonly members: number;
}

/**
 * Creates fresh channels and members in the seeded guild and turns the member and channel cooldowns of each channel
 * off, so every question of a load test is answered rather than cooled down.
 */
export async function createLoadAudience(platform: PlatformHarness, options: LoadAudienceOptions): Promise<LoadAudience> {
	const { control } = platform.emulator;
	const guildId = platform.emulator.seed?.guildId;
	if (guildId === undefined) throw new Error('the emulator has no seeded guild to load');
	const channelIds = Array.from({ length: options.channels }, (_, index) => control.createChannel(guildId, { name: `${options.tag}-${index}` }).id);
	const memberIds = Array.from({ length: options.members }, (_, index) => {
		const user = control.createUser({ username: `${options.tag}-member-${index}` });
		control.addMember(guildId, user.id);
		return user.id;
	});
	for (const channelId of channelIds) await platform.updateSettings(channelId, { userCooldownSeconds: 0, channelCooldownSeconds: 0 });
	return { guildId, channelIds, memberIds };
}
