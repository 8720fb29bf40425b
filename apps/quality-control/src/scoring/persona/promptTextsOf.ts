import { type Persona, PromptTexts, substituteMacros } from '@charbot/characters';

/** What a character's prompt showed the model, sorted by how many words in a row a reply may share with it. */
export interface PromptEchoSources {
	/** The prompt's fixed sentences ("Write Peter Griffin's next message in the conversation."): no one says them in passing. */
	readonly fixed: readonly string[];
	/** The persona card's prose: description, personality, speech style, scenario, system prompt, what it must not do. */
	readonly card: readonly string[];
	/** The persona's example lines: its own words, but never to be repeated word for word. */
	readonly examples: readonly string[];
}

/** The texts a reply must not echo, macros filled in as the prompt fills them. */
export function promptTextsOf(persona: Persona, maxReplyChars: number): PromptEchoSources {
	const macros = { char: persona.displayName, user: PromptTexts.userStandIn };
	const fill = (texts: readonly (string | undefined)[]) =>
		texts
			.filter((text): text is string => text !== undefined && text.trim() !== '')
			.map((text) => substituteMacros(text, macros).replaceAll('{maxReplyChars}', String(maxReplyChars)));
	return {
		fixed: fill([
			PromptTexts.mainPrompt,
			PromptTexts.rulesHeading,
			...PromptTexts.houseRules,
			PromptTexts.postHistory,
			PromptTexts.catchphrasesLabel,
			PromptTexts.factsHeading,
			PromptTexts.examplesHeading,
			PromptTexts.loreHeading,
			PromptTexts.relationshipsHeading,
			PromptTexts.neverSaysLabel,
			PromptTexts.mustNotLabel,
		]),
		card: fill([
			persona.description,
			persona.personality,
			persona.speechStyle,
			persona.scenario,
			persona.systemPrompt,
			persona.postHistoryInstructions,
			...persona.quality.mustNot,
		]),
		examples: fill(persona.exampleDialogues.flatMap((dialogue) => dialogue.map((exchange) => exchange.character))),
	};
}
