import { truncateText } from '@charbot/core';
import { neutralizeTemplateTokens } from './neutralizeTemplateTokens.js';

/** Most remembered facts put in one prompt, and the longest one. */
export const UserFactLimits = { count: 20, length: 200 } as const;

/**
 * Renders remembered facts as quoted data lines: each one a JSON string (so newlines and quotes stay inside
 * the quotes), template tokens defused, cut to 200 characters; at most 20, the first ones given.
 */
export function formatUserFacts(facts: readonly string[]): string[] {
	return facts
		.map((fact) => neutralizeTemplateTokens(fact.replace(/\s+/g, ' ').trim()))
		.filter((fact) => fact !== '')
		.slice(0, UserFactLimits.count)
		.map((fact) => `- ${JSON.stringify(truncateText(fact, UserFactLimits.length, ''))}`);
}
