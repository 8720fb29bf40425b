import type { ChannelSettings, Cooldowns } from '@charbot/stores';

/** Which cooldowns a member's message (or `/ask`) already took, kept across tries so a retry does not run into its own. */
export interface CooldownProgress {
	userCooldownTaken?: boolean;
	channelCooldownTaken?: boolean;
}

/** Where a member spoke: the cooldowns are the member's and the channel's. */
export interface CooldownPlace {
	readonly guildId: string | null;
	readonly channelId: string;
	readonly authorId: string;
}

/**
 * Starts the member's cooldown, then the channel's, as a message or `/ask` that will be answered; resolves the cooldown
 * that held it back, if one did (a cooldown taken on an earlier try is not taken again).
 */
export async function takeMemberCooldowns(
	cooldowns: Pick<Cooldowns, 'tryStart'>,
	place: CooldownPlace,
	settings: Pick<ChannelSettings, 'userCooldownSeconds' | 'channelCooldownSeconds'>,
	progress: CooldownProgress = {},
): Promise<'user-cooldown' | 'channel-cooldown' | undefined> {
	const { guildId, channelId, authorId } = place;
	if (progress.userCooldownTaken !== true) {
		if (!(await cooldowns.tryStart(guildId, 'user', authorId, settings.userCooldownSeconds))) return 'user-cooldown';
		progress.userCooldownTaken = true;
	}
	if (progress.channelCooldownTaken !== true) {
		if (!(await cooldowns.tryStart(guildId, 'channel', channelId, settings.channelCooldownSeconds))) return 'channel-cooldown';
		progress.channelCooldownTaken = true;
	}
	return undefined;
}
