import { findCalledCharacters } from '../names/findCalledCharacters.js';
import type { Persona } from '../persona/personaSchema.js';
import type { PromptMessage } from './PromptMessage.js';

/**
 * The persona's views of the characters taking part: those who wrote in `messages` or are named in them. A
 * character missing from `cast` is named by its last message's author name, else by its id.
 */
export function presentRelationships(
	persona: Persona,
	messages: readonly PromptMessage[],
	cast: readonly Persona[],
	speakerName: (message: PromptMessage) => string,
): { name: string; view: string }[] {
	const present = new Set<string>();
	for (const message of messages) if (message.characterId !== undefined) present.add(message.characterId);
	// Only characters this one has a view of and who did not write count; with none left, the text need not be searched.
	const unheard = cast.filter((other) => Object.hasOwn(persona.relationships, other.id) && !present.has(other.id));
	if (unheard.length > 0) for (const id of findCalledCharacters(messages.map((message) => message.content).join('\n'), unheard)) present.add(id);
	const relationships: { name: string; view: string }[] = [];
	for (const [id, view] of Object.entries(persona.relationships)) {
		if (!present.has(id)) continue;
		const author = messages.findLast((message) => message.characterId === id);
		const name = cast.find((other) => other.id === id)?.displayName ?? (author === undefined ? id : speakerName(author));
		relationships.push({ name, view });
	}
	return relationships;
}
