import type { Persona } from './personaSchema.js';
import { presentPersonaText } from './presentPersonaText.js';

/**
 * The message a character opens with when it joins a channel: its first greeting (a card's `first_mes`) with macros
 * substituted, `{{user}}` naming `userName`; undefined when the persona has none.
 */
export function greetingOf(persona: Pick<Persona, 'displayName' | 'greetings'>, userName?: string): string | undefined {
	const greeting = persona.greetings[0];
	return greeting === undefined ? undefined : presentPersonaText(persona, greeting, userName);
}
