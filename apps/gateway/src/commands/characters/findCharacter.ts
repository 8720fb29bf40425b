import type { Persona } from '@charbot/characters';

/** The character a member means: by id, display name or alias (any case), else the only one whose name starts so. */
export function findCharacter(characters: readonly Persona[], query: string): Persona | undefined {
	const wanted = query.trim().toLowerCase();
	if (wanted === '') return undefined;
	const names = (persona: Persona) => [persona.id, persona.displayName, ...persona.aliases].map((name) => name.toLowerCase());
	const exact = characters.find((persona) => names(persona).includes(wanted));
	if (exact !== undefined) return exact;
	const starting = characters.filter((persona) => names(persona).some((name) => name.startsWith(wanted)));
	return starting.length === 1 ? starting[0] : undefined;
}
