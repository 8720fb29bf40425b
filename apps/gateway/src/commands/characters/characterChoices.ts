import type { Persona } from '@charbot/characters';
import { DiscordLimits, truncateText } from '@charbot/core';
import type { ApplicationCommandOptionChoiceData } from 'discord.js';

/**
 * Autocomplete choices for a character option: those whose id, name or alias starts with what the member typed
 * first, then those containing it; the value is the character id.
 */
export function characterChoices(characters: readonly Persona[], typed: string): ApplicationCommandOptionChoiceData<string>[] {
	const wanted = typed.trim().toLowerCase();
	const rank = (persona: Persona): number => {
		const names = [persona.id, persona.displayName, ...persona.aliases].map((name) => name.toLowerCase());
		if (wanted === '' || names.some((name) => name.startsWith(wanted))) return 0;
		return names.some((name) => name.includes(wanted)) ? 1 : 2;
	};
	return characters
		.map((persona) => ({ persona, rank: rank(persona) }))
		.filter((entry) => entry.rank < 2)
		.sort((a, b) => a.rank - b.rank || a.persona.displayName.localeCompare(b.persona.displayName))
		.slice(0, DiscordLimits.autocompleteChoices)
		.map(({ persona }) => ({ name: truncateText(`${persona.displayName} (${persona.id})`, DiscordLimits.choiceName), value: persona.id }));
}
