/** Longest webhook username Discord accepts. */
export const WebhookUsernameMaxLength = 80;

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
	name = fitLength(name, WebhookUsernameMaxLength).trim();
	if (name === '') return fallbackName;
	if (/^(?:everyone|here)$/iu.test(name)) return `${name}.`;
	return name;
}

/** The longest prefix of whole code points within `max` UTF-16 units (the stricter way to count). */
function fitLength(text: string, max: number): string {
	let fitted = '';
	for (const char of text) {
		if (fitted.length + char.length > max) break;
		fitted += char;
	}
	return fitted;
}
