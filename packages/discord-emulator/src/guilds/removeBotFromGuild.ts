import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';

/**
 * The bot is kicked from a guild (or the guild is deleted): it no longer sees the guild or its channels, and gets
 * GUILD_DELETE without `unavailable`. Its webhooks there stay, as on Discord, and still work by token.
 */
export function removeBotFromGuild(store: EmulatorStore, guildId: string): void {
	const guild = store.guilds.get(guildId);
	if (guild === undefined) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownGuild);
	for (const channelId of guild.channelIds) store.channels.delete(channelId);
	store.guilds.delete(guildId);
	store.emit({ type: 'guildDelete', guildId });
}
