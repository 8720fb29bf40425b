/** The hosts Discord serves files from: attachments (`cdn`, `media`) and its proxy for pictures linked from elsewhere (`images-ext-*`). */
export const DiscordMediaHosts = ['cdn.discordapp.com', 'media.discordapp.net', 'images-ext-1.discordapp.net', 'images-ext-2.discordapp.net'] as const;

/**
 * The hosts charbot downloads members' files from: Discord's, and the host of `DISCORD_API_URL` when it is set (the
 * emulator serves its attachments there). Never an address a message could name.
 */
export function mediaHostsFor(discordApiUrl: string | undefined): string[] {
	return [...DiscordMediaHosts, ...(discordApiUrl === undefined ? [] : [new URL(discordApiUrl).host])];
}
