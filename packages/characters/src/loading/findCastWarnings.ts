import { displayPath } from '../persona/displayPath.js';
import type { LoadedCharacter } from './LoadedCharacter.js';

/**
 * Things that load fine but are probably mistakes across a cast: a relationship with an id nobody has, and a
 * name or alias shared by two characters (one message would call both).
 */
export function findCastWarnings(characters: readonly LoadedCharacter[]): string[] {
	const warnings: string[] = [];
	const ids = new Set(characters.map((entry) => entry.persona.id));
	const owners = new Map<string, LoadedCharacter>();
	for (const entry of characters) {
		for (const id of Object.keys(entry.persona.relationships)) {
			if (!ids.has(id)) warnings.push(`${displayPath(entry.file)}: relationships.${id}: no character has the id "${id}"`);
		}
		for (const name of [entry.persona.displayName, ...entry.persona.aliases]) {
			const key = name.toLocaleLowerCase();
			const owner = owners.get(key);
			if (owner === undefined) owners.set(key, entry);
			else if (owner.persona.id !== entry.persona.id) {
				warnings.push(`${displayPath(entry.file)}: aliases: "${name}" also calls ${owner.persona.id} (${displayPath(owner.file)})`);
			}
		}
	}
	return warnings;
}
