import { DiscordLimits, truncateText } from '@charbot/core';

/** What a name becomes when nothing of it is left. */
const fallbackName = 'Character';

/**
 * Adjusts a display name to Discord's webhook-name rules: 1-80 characters, not containing "discord" or
 * "clyde" in any letter case, and not "everyone" or "here". Look-alike digits keep the name readable.
 */
export function toWebhookUsername(displayName: string): string {
	let name = displayName
		.replace(/[\p{Cc}\p{Cf}]/gu, '')
		.replace(/\s+/gu, ' ')
		.trim();
	// Overlapping words ("discordiscord") need more than one pass.
	while (/discord|clyde/iu.test(name)) {
		name = name.replace(/discord/giu, (word) => `${word.slice(0, 4)}0${word.slice(5)}`).replace(/clyde/giu, (word) => `${word.slice(0, 1)}1${word.slice(2)}`);
	}
	name = truncateText(name, DiscordLimits.webhookUsername, '').trim();
	if (name === '') return fallbackName;
	if (/^(?:everyone|here)$/iu.test(name)) return `${name}.`;
	return name;
}
