/** What a sloppy failure borrows from the request to look like the model's own. */
export interface SloppyPromptFacts {
	/** The speaking character, from "You are {name}," in the system prompt; `the character` when none. */
	readonly characterName: string;
	/** Whether {@link characterName} came from the prompt. */
	readonly named: boolean;
	/** The first word of the name ("Peter" for "Peter Griffin"); the whole fallback when unnamed. */
	readonly shortName: string;
	/** Other speakers: names of "Name: text" user turns, most recent first, then the characters the prompt relates. */
	readonly otherNames: readonly string[];
	/** The persona field lines of the system prompt ("Personality: ...", "How X talks: ..."), in order. */
	readonly personaLines: readonly string[];
	/** The value of the "Personality:" line, if any. */
	readonly personality?: string;
	/** The line under "About {name}:", if any. */
	readonly description?: string;
	/** The system prompt, or the first message when there is none. */
	readonly systemPrompt: string;
	/** The last user turn without its "Name: " label. */
	readonly lastUserText: string;
}
