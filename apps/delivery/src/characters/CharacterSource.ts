import type { Persona } from '@charbot/characters';

/** Where delivery finds personas: a `CharacterRegistry` in the app, anything with these two methods in tests. */
export interface CharacterSource {
	get(id: string): Persona | undefined;
	list(): Persona[];
}
