import { DiscordLimits, truncateText } from '@charbot/core';

/** `text` cut to fit one Discord message (ending with "…" when cut), so an answer quoting a member's overlong input is still sent. */
export function fitMessageContent(text: string): string {
	return truncateText(text, DiscordLimits.messageContent);
}
