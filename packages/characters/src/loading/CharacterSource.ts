import type { Persona } from '../persona/personaSchema.js';

/** Where an app finds personas: a `CharacterRegistry` in the apps, anything with these two methods in tests. */
export interface CharacterSource {
	get(id: string): Persona | undefined;
	list(): Persona[];
}
