import { formatMemberDescription } from './formatMemberDescription.js';
import { formatUserFacts } from './formatUserFacts.js';
import { PromptTexts } from './promptTexts.js';
import type { PersonaTexts } from './renderPersonaTexts.js';

/** What the never-dropped part of a character's system message is made of. */
export interface SystemCoreInput {
	/** The persona's rendered texts (see `renderPersonaTexts`). */
	readonly texts: PersonaTexts;
	/** Characters present in the conversation whom this one has a view of. */
	readonly relationships: readonly { readonly name: string; readonly view: string }[];
	readonly userFacts: readonly string[];
	/** How the trigger's author describes themselves (`/persona`); shown as quoted data. */
	readonly memberDescription?: string;
}

/**
 * The system message core: opening line, house rules, who the character is, scenario, relationships, and the
 * member's self-description and remembered facts as quoted data. Macros are substituted in persona text before the facts are added, so
 * nothing a member wrote is ever expanded.
 */
export function buildSystemCore(input: SystemCoreInput): string {
	const { texts } = input;
	const parts = [texts.card];
	if (input.relationships.length > 0) {
		// Filled and defused apart from the card: no macro or template token can span the blank line between sections.
		parts.push(texts.fill([PromptTexts.relationshipsHeading, ...input.relationships.map((entry) => `- ${entry.name}: ${entry.view}`)].join('\n')));
	}
	const self = input.memberDescription === undefined ? undefined : formatMemberDescription(input.memberDescription);
	if (self !== undefined) parts.push(`${texts.memberHeading}\n${self}`);
	const facts = formatUserFacts(input.userFacts);
	if (facts.length > 0) parts.push(`${texts.factsHeading}\n${facts.join('\n')}`);
	return parts.join('\n\n');
}
