import type { Persona } from '../persona/personaSchema.js';
import { formatMemberDescription } from './formatMemberDescription.js';
import { formatUserFacts } from './formatUserFacts.js';
import { neutralizeTemplateTokens } from './neutralizeTemplateTokens.js';
import { PromptTexts } from './promptTexts.js';
import { type MacroValues, substituteMacros } from './substituteMacros.js';

/** What the never-dropped part of a character's system message is made of. */
export interface SystemCoreInput {
	readonly persona: Persona;
	readonly macros: MacroValues;
	readonly maxReplyChars: number;
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
	const { persona } = input;
	const about = [PromptTexts.aboutHeading, persona.description];
	if (persona.personality !== undefined) about.push(`${PromptTexts.personalityLabel} ${persona.personality}`);
	if (persona.speechStyle !== undefined) about.push(`${PromptTexts.speechStyleLabel} ${persona.speechStyle}`);
	if (persona.catchphrases.length > 0) about.push(`${PromptTexts.catchphrasesLabel} ${quoteList(persona.catchphrases)}`);
	if (persona.quality.neverSays.length > 0) about.push(`${PromptTexts.neverSaysLabel} ${quoteList(persona.quality.neverSays)}`);
	if (persona.quality.mustNot.length > 0) about.push(`${PromptTexts.mustNotLabel} ${persona.quality.mustNot.join('; ')}`);

	const sections = [
		withOriginal(persona.systemPrompt, PromptTexts.mainPrompt),
		[PromptTexts.rulesHeading, ...PromptTexts.houseRules.map((rule) => `- ${rule}`)].join('\n'),
		about.join('\n'),
	];
	if (persona.scenario !== undefined) sections.push(`${PromptTexts.scenarioHeading}\n${persona.scenario}`);
	if (input.relationships.length > 0) {
		sections.push([PromptTexts.relationshipsHeading, ...input.relationships.map((entry) => `- ${entry.name}: ${entry.view}`)].join('\n'));
	}
	// Persona and card text is untrusted too; macros first, so `<USER>` and `<BOT>` become names, not defused tags.
	const personaText = neutralizeTemplateTokens(fillPlaceholders(sections.join('\n\n'), input.macros, input.maxReplyChars));
	const heading = (text: string) => neutralizeTemplateTokens(substituteMacros(text, input.macros));
	const parts = [personaText];
	const self = input.memberDescription === undefined ? undefined : formatMemberDescription(input.memberDescription);
	if (self !== undefined) parts.push(`${heading(PromptTexts.memberHeading)}\n${self}`);
	const facts = formatUserFacts(input.userFacts);
	if (facts.length > 0) parts.push(`${heading(PromptTexts.factsHeading)}\n${facts.join('\n')}`);
	return parts.join('\n\n');
}

/** Substitutes macros and the reply limit in persona or house text. */
export function fillPlaceholders(text: string, macros: MacroValues, maxReplyChars: number): string {
	return substituteMacros(text, macros).replaceAll('{maxReplyChars}', String(maxReplyChars));
}

/** A persona override with `{{original}}` replaced by the default text, or the default when there is no override. */
export function withOriginal(override: string | undefined, original: string): string {
	return override === undefined ? original : override.replace(/\{\{\s*original\s*\}\}/gi, original);
}

function quoteList(items: readonly string[]): string {
	return items.map((item) => `"${item}"`).join(', ');
}
