import type { Persona } from '@charbot/characters';
import type { APIEmbed } from 'discord.js';
import { shorten } from '../format/shorten.js';

/** The embed `/characters info` answers with: name, avatar, description, names it answers to and how chatty it is. */
export function describeCharacter(persona: Persona, allowedHere: boolean): APIEmbed {
	const fields = [
		{ name: 'Id', value: `\`${persona.id}\``, inline: true },
		{ name: 'Talkativeness', value: `${Math.round(persona.talkativeness * 100)}%`, inline: true },
		{ name: 'In this channel', value: allowedHere ? 'answers here' : 'not allowed here', inline: true },
	];
	if (persona.aliases.length > 0) fields.push({ name: 'Also answers to', value: shorten(persona.aliases.join(', '), 1000), inline: false });
	if (persona.speechStyle !== undefined) fields.push({ name: 'How they talk', value: shorten(persona.speechStyle, 1000), inline: false });
	return {
		title: shorten(persona.displayName, 256),
		description: shorten(persona.description, 1500),
		...(persona.avatarUrl === undefined ? {} : { thumbnail: { url: persona.avatarUrl } }),
		fields,
	};
}
