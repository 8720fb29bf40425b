import { substituteMacros } from '../prompt/substituteMacros.js';
import type { Persona } from './personaSchema.js';

/** What `{{user}}` becomes in persona text shown to a member when there is nobody in particular to name. */
export const DefaultShownUserName = 'you';

/**
 * Persona text as members see it in Discord (listings, cards, greetings): `{{char}}` becomes the character's name
 * and `{{user}}` the name of the member it is shown to (their `/persona` name or display name), or "you".
 */
export function presentPersonaText(persona: Pick<Persona, 'displayName'>, text: string, userName: string = DefaultShownUserName): string {
	return substituteMacros(text, { char: persona.displayName, user: userName.trim() || DefaultShownUserName });
}
