import { type Persona, presentPersonaText } from '@charbot/characters';
import type { ChannelSettings } from '@charbot/stores';
import { truncateText } from '@charbot/core';
import { escapeMarkdown } from 'discord.js';

const maxContent = 1900;

/**
 * The text of `/characters list`: every loaded character, marked when it answers in this channel, with the first
 * sentence of its description (macros substituted, `{{user}}` naming `userName`, the member reading it).
 */
export function listCharacters(characters: readonly Persona[], settings: Pick<ChannelSettings, 'mode' | 'characters'>, userName?: string): string {
	if (characters.length === 0) return 'No characters are loaded right now.';
	const answersHere = (persona: Persona) => settings.mode !== 'off' && (settings.characters.length === 0 || settings.characters.includes(persona.id));
	const header =
		settings.mode === 'off'
			? `**Characters (${characters.length})** — switched off in this channel`
			: `**Characters (${characters.length})** — ✅ answers in this channel (mode: ${settings.mode})`;
	const lines = [header];
	for (const [index, persona] of characters.entries()) {
		const line = `${answersHere(persona) ? '✅' : '▫️'} **${escapeMarkdown(persona.displayName)}** (\`${persona.id}\`) — ${escapeMarkdown(truncateText(firstSentence(presentPersonaText(persona, persona.description, userName)).trim(), 120))}`;
		if ([...lines, line].join('\n').length > maxContent) {
			lines.push(`…and ${characters.length - index} more. \`/characters info\` describes each one.`);
			break;
		}
		lines.push(line);
	}
	return lines.join('\n');
}

function firstSentence(text: string): string {
	const match = /^.*?[.!?](?=\s|$)/su.exec(text.trim());
	return (match?.[0] ?? text).replace(/\s+/gu, ' ');
}
