import { colorValue, type Persona, presentPersonaText } from '@charbot/characters';
import { DiscordLimits, truncateText } from '@charbot/core';
import { type APIEmbed, escapeMarkdown } from 'discord.js';

/**
 * The embed `/characters info` answers with: name, avatar, colour, description, names it answers to and how chatty it
 * is; persona text with its macros substituted (`{{user}}` names `userName`, the member reading it).
 */
export function describeCharacter(persona: Persona, allowedHere: boolean, userName?: string): APIEmbed {
	const shown = (text: string) => presentPersonaText(persona, text, userName === undefined ? undefined : escapeMarkdown(userName));
	const color = colorValue(persona);
	const fields = [
		{ name: 'Id', value: `\`${persona.id}\``, inline: true },
		{ name: 'Talkativeness', value: `${Math.round(persona.talkativeness * 100)}%`, inline: true },
		{ name: 'In this channel', value: allowedHere ? 'answers here' : 'not allowed here', inline: true },
	];
	if (persona.aliases.length > 0) fields.push({ name: 'Also answers to', value: truncateText(persona.aliases.join(', ').trim(), 1000), inline: false });
	if (persona.speechStyle !== undefined) fields.push({ name: 'How they talk', value: truncateText(shown(persona.speechStyle).trim(), 1000), inline: false });
	return {
		title: truncateText(persona.displayName.trim(), DiscordLimits.embedTitle),
		description: truncateText(shown(persona.description).trim(), 1500),
		...(color === undefined ? {} : { color }),
		...(persona.avatarUrl === undefined ? {} : { thumbnail: { url: persona.avatarUrl } }),
		fields,
	};
}
