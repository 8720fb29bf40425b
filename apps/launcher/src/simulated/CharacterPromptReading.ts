/** Another character the prompt names, with how this one sees them. */
export interface OtherCharacter {
	readonly name: string;
	/** The prompt's "How X sees the others here" line about them. */
	readonly view: string;
}

/** What a simulated reply uses from a character prompt, as {@link readCharacterPrompt} found it. */
export interface CharacterPromptReading {
	/** The character's display name, and the names it goes by (its first name too). */
	readonly name: string;
	readonly names: readonly string[];
	/** Whether the speech style reads formal (posh, articulate, measured…) rather than casual. */
	readonly formal: boolean;
	/** The pronouns the description uses for the character, when it is clear. */
	readonly pronoun: 'he' | 'she' | undefined;
	/** Its verbal habits (catchphrases), to be used now and then. */
	readonly habits: readonly string[];
	/** Phrases its speech style quotes ("wicked", "my good man", "Look,"). */
	readonly stylePhrases: readonly string[];
	/** Phrases it never says. */
	readonly neverSays: readonly string[];
	/** What its personality says it loves or wants, in its own words ("my nap", "junk food"). */
	readonly likes: readonly string[];
	/** Short, portable sentences of its example lines. */
	readonly exampleBits: readonly string[];
	/** Other characters in the conversation the prompt describes. */
	readonly others: readonly OtherCharacter[];
	/** Background facts the prompt put in because the conversation touched them. */
	readonly lore: readonly string[];
	/** What it remembers about the member who wrote the last message. */
	readonly facts: readonly string[];
	/** Its own earlier replies in the conversation and any rejected attempt at this one: never to be repeated. */
	readonly earlierReplies: readonly string[];
	/** What everyone else said in the conversation the prompt shows, the message to answer last: never to be parroted. */
	readonly othersLines: readonly string[];
	/** Everyone who wrote in the conversation the prompt shows. */
	readonly speakers: readonly string[];
	/** The latest message a member (not a character) wrote before the one to answer: what banter is about. */
	readonly lastMemberMessage: string | undefined;
	/** Who wrote the message to answer, and what they wrote (simulated marker removed). */
	readonly trigger: { readonly speaker: string; readonly text: string };
	/** Whether quality control rejected an earlier attempt at this reply. */
	readonly regenerating: boolean;
	/** The reply length the prompt asks for, in characters. */
	readonly maxChars: number;
}
