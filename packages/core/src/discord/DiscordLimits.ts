/**
 * Discord's limits that our code respects, in one place. Discord counts text in Unicode code points (its API measures
 * with Python's `len`), so cut text to these with `truncateText`, which counts the same way.
 */
export const DiscordLimits = {
	/** Most characters in one message's content. */
	messageContent: 2000,
	/** Most characters in an embed's title. */
	embedTitle: 256,
	/** Most characters in an embed's description. */
	embedDescription: 4096,
	/** Most characters in an embed author's name. */
	embedAuthorName: 256,
	/** Most characters in a webhook's username. */
	webhookUsername: 80,
	/** Most characters in an autocomplete choice's name. */
	choiceName: 100,
	/** Most choices one autocomplete answer may offer. */
	autocompleteChoices: 25,
	/** Most messages one page of a channel's history holds (`GET /channels/{id}/messages?limit=`). */
	messagesPerPage: 100,
} as const;
