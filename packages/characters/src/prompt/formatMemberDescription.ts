import { truncateText } from '@charbot/core';
import { neutralizeTemplateTokens } from './neutralizeTemplateTokens.js';

/** Longest member self-description put in a prompt, in characters. */
export const MemberDescriptionLimit = 600;

/**
 * A member's self-description as one quoted data line (a JSON string, so newlines and quotes stay inside the quotes),
 * template tokens defused and cut to {@link MemberDescriptionLimit}; undefined when nothing is left.
 */
export function formatMemberDescription(description: string): string | undefined {
	const text = neutralizeTemplateTokens(description.replace(/\s+/g, ' ').trim());
	if (text === '') return undefined;
	return `- ${JSON.stringify(truncateText(text, MemberDescriptionLimit, ''))}`;
}
