import { escapeMarkdown } from 'discord.js';

/** What the member who clicked a reply's regenerate button may be told, always privately. */
export const RegenerateMessages = {
	gone: 'This reply can no longer be regenerated: replies can be regenerated for a day after they are posted.',
	off: 'Regenerating replies is turned off in this channel.',
	pending: 'This reply is already being regenerated; it changes in place in a moment.',
	failed: 'Sorry, that did not work: something went wrong on our side and it has been logged. Please try again in a moment.',
	/** Someone else's reply: who may regenerate it. */
	onlyAsker: (askerName: string | undefined) =>
		askerName === undefined
			? 'Only members with the **Manage Messages** permission can regenerate this reply.'
			: `Only ${escapeMarkdown(askerName)} can regenerate this reply (or a member with the **Manage Messages** permission).`,
	/** Over the quota: when the member can again, as a Discord timestamp each client shows in its own time. */
	limited: (max: number, windowSeconds: number, retryAt: number) =>
		`You can regenerate ${max} replies every ${Math.round(windowSeconds / 60)} minutes; you can again <t:${Math.ceil(retryAt / 1000)}:R>.`,
} as const;
