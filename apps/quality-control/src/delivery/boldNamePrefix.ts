import { escapeMarkdown } from 'discord.js';

/** The prefix that names the character on a bot-authored message: `**Peter Griffin**: `. */
export function boldNamePrefix(name: string): string {
	return `**${escapeMarkdown(name.replace(/\s+/gu, ' ').trim())}**: `;
}
