/** The fixed texts members see from the interaction runner. */
export const InteractionMessages = {
	needsManageServer: 'Only members with the **Manage Server** permission can change this. Nothing was changed.',
	needsServer: 'This command only works in a server.',
	unknownCommand: 'I do not know this command; it may be from an older version of the bot. Try again in a minute.',
	slow: 'Still working on it: the bot is slow to reach its storage right now. This message updates when it is done.',
	failed: 'Sorry, that did not work: something went wrong on our side and it has been logged. Please try again in a moment.',
} as const;
