/** A speech style's quoted phrases, sorted by how a reply can use them. */
export interface StylePhrases {
	/** Put before a sentence: "Look,", "Well, technically,", "Like,". */
	readonly leadIns: readonly string[];
	/** A sentence of their own: "Wait, what?", "Cool!", "Oh my god.". */
	readonly exclamations: readonly string[];
	/** Ways to address someone: "honey", "my good man", "you insufferable oaf". */
	readonly vocatives: readonly string[];
	/** A laugh: "Heh heh heh.". */
	readonly laughs: readonly string[];
}

const addressWords = /^(?:honey|sweetie|sweetheart|darling|dear|pal|buddy|mate|man|dude|bro|kid|love|friend|chief|boss|sir|madam|champ|sport)$/iu;
const leadWords = /^(?:look|listen|well|so|now|okay|ok|like|uh|um|er|oh|hey|see|right|alright)\b/iu;

/** Sorts the phrases a speech style quotes; phrases of no clear use ("wicked", "Pe-ter.") are left out. */
export function sortStylePhrases(phrases: readonly string[]): StylePhrases {
	const leadIns: string[] = [];
	const exclamations: string[] = [];
	const vocatives: string[] = [];
	const laughs: string[] = [];
	for (const raw of phrases) {
		const phrase = raw.trim();
		const words = phrase.split(/\s+/u);
		if (/^(?:heh|ha|hah|hee|ho|hoo|har)(?:[\s,]+(?:heh|ha|hah|hee|ho|hoo|har))+[.!]?$/iu.test(phrase))
			laughs.push(`${capitalize(phrase.replace(/[.!]$/u, ''))}.`);
		else if (addressWords.test(phrase) || /^(?:my|you)\s+\p{L}+(?:\s+\p{L}+)?$/iu.test(phrase)) vocatives.push(phrase.toLowerCase());
		else if (/[?!]$/u.test(phrase) && words.length <= 4) exclamations.push(capitalize(phrase));
		else if (words.length <= 3 && (phrase.endsWith(',') || leadWords.test(phrase))) leadIns.push(`${capitalize(phrase.replace(/,$/u, ''))},`);
	}
	return { leadIns, exclamations, vocatives, laughs };
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
