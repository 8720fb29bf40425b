import type { Persona } from './personaSchema.js';

/** A persona's `color` as the number Discord embeds take (`0x3b82f6`), or undefined when it has none. */
export function colorValue(persona: Pick<Persona, 'color'>): number | undefined {
	return persona.color === undefined ? undefined : Number.parseInt(persona.color.slice(1), 16);
}
