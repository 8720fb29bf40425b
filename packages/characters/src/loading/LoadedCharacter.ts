import type { Persona } from '../persona/personaSchema.js';

/** A valid persona and the file it came from. */
export interface LoadedCharacter {
	readonly persona: Persona;
	readonly file: string;
}
