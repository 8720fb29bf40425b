import type { Notice } from '@charbot/contracts';

/** What members read for each outage notice, in the platform's voice; notices ping nobody. */
export const OutageNoticeText = {
	'llm-resting': "The characters are resting for a moment — your message is saved and they'll answer as soon as they're back.",
	'llm-gave-up': "Sorry — the characters couldn't get back in time to answer. Please ask again in a little while.",
} as const satisfies Record<Extract<Notice, 'llm-resting' | 'llm-gave-up'>, string>;
