import type { LoreEntry } from '../persona/lorebookSchema.js';
import type { Persona } from '../persona/personaSchema.js';
import { neutralizeTemplateTokens } from './neutralizeTemplateTokens.js';
import { PromptTexts } from './promptTexts.js';
import { renderExampleDialogue } from './renderExampleDialogue.js';
import { type MacroValues, substituteMacros } from './substituteMacros.js';

/** The parts of a character's prompt that depend only on the persona, the `{{user}}` name and the reply limit; all defused. */
export interface PersonaTexts {
	/** Opening, house rules, who the character is and the scenario: the system message core before relationships. */
	readonly card: string;
	readonly memberHeading: string;
	readonly factsHeading: string;
	readonly loreHeading: string;
	readonly examplesHeading: string;
	/** One transcript per example dialogue. */
	readonly examples: readonly string[];
	/** The post-history instructions. */
	readonly postHistory: string;
	/** A lore entry as its line of the lore section (`- text`). */
	readonly loreItem: (entry: LoreEntry) => string;
	/** Persona or house text with macros and the reply limit filled in, defused. */
	readonly fill: (text: string) => string;
}

/** How many `{{user}}` names and reply limits are kept per character; members' `/persona` names make the first vary. */
const variantsPerPersona = 32;

// Keyed by the persona object: a reload parses the file into a new object, so edited text is never served stale.
const rendered = new WeakMap<Persona, Map<string, PersonaTexts>>();

/**
 * The persona's own prompt texts for these macros and reply limit, rendered once and then reused: persona and card
 * text goes through `neutralizeTemplateTokens` after macros are filled (so `<USER>` is a name, not a defused tag).
 */
export function renderPersonaTexts(persona: Persona, macros: MacroValues, maxReplyChars: number): PersonaTexts {
	let variants = rendered.get(persona);
	if (variants === undefined) {
		variants = new Map();
		rendered.set(persona, variants);
	}
	const key = `${maxReplyChars}\n${macros.char}\n${macros.user}`;
	const cached = variants.get(key);
	if (cached !== undefined) return cached;
	const texts = renderTexts(persona, macros, maxReplyChars);
	if (variants.size >= variantsPerPersona) variants.delete(variants.keys().next().value as string);
	variants.set(key, texts);
	return texts;
}

function renderTexts(persona: Persona, macros: MacroValues, maxReplyChars: number): PersonaTexts {
	const fill = (text: string) => neutralizeTemplateTokens(fillPlaceholders(text, macros, maxReplyChars));
	const heading = (text: string) => neutralizeTemplateTokens(substituteMacros(text, macros));
	const loreItems = new Map<LoreEntry, string>();
	return {
		card: fill(cardSections(persona).join('\n\n')),
		memberHeading: heading(PromptTexts.memberHeading),
		factsHeading: heading(PromptTexts.factsHeading),
		loreHeading: fill(PromptTexts.loreHeading),
		examplesHeading: fill(PromptTexts.examplesHeading),
		examples: persona.exampleDialogues.map((dialogue) => fill(renderExampleDialogue(dialogue, persona.displayName, macros.user))),
		postHistory: fill(withOriginal(persona.postHistoryInstructions, PromptTexts.postHistory)),
		loreItem: (entry) => {
			let item = loreItems.get(entry);
			if (item === undefined) {
				item = `- ${fill(entry.content)}`;
				loreItems.set(entry, item);
			}
			return item;
		},
		fill,
	};
}

/** Opening line, house rules, who the character is and the scenario, before macros. */
function cardSections(persona: Persona): string[] {
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
	return sections;
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
