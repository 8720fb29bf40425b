import { countTokens } from './countTokens.js';
import { createRandom, type Random } from './createRandom.js';
import { wordLists as w } from './wordLists.js';

/** Options of {@link generateReply}. */
export interface GenerateReplyOptions {
	/** Seeds the text; the same seed and length give the same text. */
	readonly seed: number;
	/** Length in tokens; the text is whole sentences and never exceeds it (it may fall short by a token). */
	readonly tokens: number;
	/** 0..1 and beyond: low values reuse the first words of each list more (like a low temperature). */
	readonly variety?: number;
}

/**
 * Deterministic English-looking prose: sentences with commas, full stops, questions and exclamations,
 * so sentence splitting can be tested. It carries no marker, so tests can compare it verbatim.
 */
export function generateReply(options: GenerateReplyOptions): string {
	const random = createRandom(options.seed);
	const variety = options.variety ?? 1;
	if (options.tokens <= 0) return '';
	if (options.tokens === 1) return 'Okay';
	let text = '';
	let used = 0;
	while (options.tokens - used >= 2) {
		const budget = options.tokens - used;
		const sentence = fitSentence(random, variety, budget, text === '');
		if (sentence === undefined) break;
		// Sentences start with a space or at the start, so token counts add up without re-counting the text.
		text += sentence;
		used += countTokens(sentence);
	}
	return text;
}

const fillers = ['The kettle was still warm.', 'We went home early.', 'Nobody knew why.', 'That is true.', 'Fair enough.', 'I see.', 'Yes.'];

// Whole sentences only: try a few random ones, then the longest short filler that fits the budget.
function fitSentence(random: Random, variety: number, budget: number, first: boolean): string | undefined {
	const space = first ? '' : ' ';
	for (let attempt = 0; attempt < 4; attempt += 1) {
		const sentence = renderSentence(buildSentence(random, variety));
		if (countTokens(space + sentence) <= budget) return space + sentence;
	}
	const filler = fillers.find((candidate) => countTokens(space + candidate) <= budget);
	return filler === undefined ? undefined : space + filler;
}

function renderSentence(sentence: Sentence): string {
	const body = sentence.words.map((word, index) => (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word === ',' ? ',' : ` ${word}`)).join('');
	// "a umbrella" -> "an umbrella": same token count, better English.
	return body.replace(/\b([Aa]) (?=[aeiou])/g, '$1n ') + sentence.end;
}

interface Sentence {
	readonly words: string[];
	readonly end: '.' | '?' | '!';
}

function buildSentence(random: Random, variety: number): Sentence {
	const pick = <T>(items: readonly T[]) => random.pick(items, variety);
	const noun = () => (random.next() < 0.5 ? pick(w.people) : pick(w.things));
	const phrase = (withAdjective: boolean) => [pick(w.determiners), ...(withAdjective ? [pick(w.adjectives)] : []), noun()];
	const subject = () => (random.next() < 0.3 ? [pick(w.pronouns)] : phrase(random.next() < 0.5));
	const object = () => phrase(random.next() < 0.4);
	const place = () => [pick(w.prepositions), 'the', pick(w.places)];
	const time = () => pick(w.times).split(' ');
	const verb = () => pick(w.verbs);
	switch (random.int(7)) {
		case 0:
			return { words: [...subject(), verb()[0], ...object(), ...place()], end: '.' };
		case 1:
			return { words: [...pick(w.openers).split(' '), ',', ...subject(), verb()[0], ...object(), ...time()], end: '.' };
		case 2:
			return { words: [...subject(), verb()[0], ...object(), ',', 'and', ...subject(), verb()[0], ...object()], end: '.' };
		case 3:
			return { words: ['did', ...subject(), 'really', verb()[1], ...object(), ...place()], end: '?' };
		case 4:
			return { words: [...pick(w.exclamations).split(' '), pick(w.adjectives), noun()], end: '!' };
		case 5:
			return { words: [...subject(), 'will', verb()[1], ...object(), ...time()], end: '.' };
		default:
			return { words: [...pick(w.thinkers).split(' '), ...subject(), verb()[0], ...object(), ...place(), ...time()], end: '.' };
	}
}
