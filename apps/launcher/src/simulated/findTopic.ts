import { swapPerspective } from './swapPerspective.js';

/** What a message is about, as the character would say it back. */
export interface Topic {
	/** The phrase, perspective swapped ("your new puppy", "jazz"). */
	readonly phrase: string;
	/** Its last word ("puppy"). */
	readonly head: string;
}

const determiners = new Set(['the', 'a', 'an', 'my', 'your', 'our', 'this', 'that', 'these', 'those', 'some', 'his', 'her', 'their']);
// Words that never make a topic alone: function words, everyday verbs, chat filler.
const stopwords = new Set(
	(
		'i me my mine myself you your yours yourself he him his she her hers it its they them their we us our this that these those ' +
		'a an the and or but if so because as of at by for with about against between into through during before after above below to from up down in out on off over under ' +
		'again further then once here there when where why how what which who whom whose all any both each few more most other some such no nor not only own same than too very ' +
		'can could will would shall should may might must do does did doing done have has had having be is am are was were been being get gets got getting ' +
		'think thought know knew like likes liked love loves want wants wanted need needs make made tell told say said says go goes going gone went come came see saw look looks ' +
		'feel felt give gave take took put let lets try tried keep kept mean means call called ask asked seem seems remember forget forgot ' +
		'just really actually literally also ever never always still even now today tonight tomorrow yesterday please thanks thank yes yeah yep nope ok okay ' +
		'hi hey hello yo sup hiya howdy morning evening night lol lmao omg wow hmm um uh oh ah well anyway guys everyone everybody someone somebody anyone anybody ' +
		'something anything everything nothing thing things stuff lot lots bit kind sort way much many one ones good great nice bad cool fine sure right ' +
		"what's how's that's it's i'm you're don't doesn't didn't can't won't isn't aren't wasn't let's there's who's where's i've you've i'll i'd " +
		'opinion opinions play playing learn learning trying eat eating watch watching buy bought start started find found use used talk talking ' +
		'help happen happened meet met live wanna gonna gotta hate hates enjoy enjoys prefer wonder guess bet hope believe recommend doing ' +
		"true false huh ugh meh nah hmm we're they're he's she's we've they've we'll they'll ain't isn't"
	).split(' '),
);
// Words that may stand inside a phrase ("my favourite food", "a new puppy") but never end it.
const modifiers = new Set([
	'new',
	'old',
	'big',
	'little',
	'small',
	'best',
	'worst',
	'favourite',
	'favorite',
	'first',
	'last',
	'whole',
	'real',
	'other',
	'good',
	'great',
	'bad',
]);

/**
 * The topic of a message: the last noun phrase after a determiner ("what do you think about the weather" → "the
 * weather"; "tell me about your car" → "my car"), else the longest run of content words ("do you like pizza" → "pizza"),
 * names of the cast left out. Mentions, links and markup are never part of it.
 */
export function findTopic(text: string, names: readonly string[]): Topic | undefined {
	const nameWords = new Set(names.flatMap((name) => name.toLowerCase().split(/\s+/u)).flatMap((word) => [word, `${word}'s`]));
	const clean = text.replace(/<[@#:a-z!&][^>\s]{0,80}>|https?:\/\/\S+|@(?:everyone|here)\b/giu, ' ').replace(/[*_~`|>#]/gu, ' ');
	const words = clean.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
	const usable = (word: string) => {
		const lower = word.toLowerCase().replace(/’/gu, "'");
		return !stopwords.has(lower) && !nameWords.has(lower) && !isAdverb(lower) && /\p{L}{2,}/u.test(word) && word.length <= 24;
	};
	let phrase: string[] | undefined;
	for (let index = 0; index < words.length; index += 1) {
		if (!determiners.has(words[index]?.toLowerCase() ?? '')) continue;
		const run: string[] = [];
		for (let next = index + 1; next < words.length && run.length < 3; next += 1) {
			const word = words[next] ?? '';
			const modifier = modifiers.has(word.toLowerCase());
			// "my boss yelled", "my grandma turns ninety": a verb after the noun ends the phrase.
			if ((!usable(word) && !modifier) || (run.some((earlier) => !modifiers.has(earlier.toLowerCase())) && /(?:ed|ing|[^s]s)$/iu.test(word))) break;
			run.push(word);
		}
		while (run.length > 0 && modifiers.has(run.at(-1)?.toLowerCase() ?? '')) run.pop();
		if (run.length === 0) continue;
		phrase = [words[index] ?? '', ...run];
		// "the meaning of life": an "of" right after the phrase belongs to it.
		const after = index + 1 + run.length;
		const tail = words[after + 1] ?? '';
		if (words[after]?.toLowerCase() === 'of' && usable(tail)) phrase.push('of', tail);
	}
	if (phrase === undefined) {
		let best: string[] = [];
		let run: string[] = [];
		for (const word of [...words, '']) {
			if (word !== '' && usable(word) && run.length < 2) {
				run.push(word);
				continue;
			}
			if (run.join(' ').length > best.join(' ').length) best = run;
			run = word !== '' && usable(word) ? [word] : [];
		}
		// "ordering tacos": the thing, not the doing.
		if (best.length > 1 && /ing$/iu.test(best[0] ?? '')) best = best.slice(1);
		if (best.length > 0) phrase = best;
	}
	if (phrase === undefined) return undefined;
	const head = phrase.at(-1) ?? '';
	// Lower case unless the member capitalised a word inside the message: "Jazz" at its start is not a name.
	const shown = phrase.map((word, index) => (index === 0 && words[0] === word ? word.toLowerCase() : word));
	const swapped = swapPerspective(
		shown
			.join(' ')
			.replace(/^(?:the|a|an|this|that|these|those|some|his|her|their)\s+/iu, (det) => (/^(?:a|an|some)\s/iu.test(det) ? det.toLowerCase() : 'the ')),
	);
	return { phrase: swapped, head: head === words[0] ? head.toLowerCase() : head };
}

const notAdverbs = new Set([
	'family',
	'belly',
	'jelly',
	'bully',
	'ally',
	'rally',
	'lily',
	'folly',
	'italy',
	'holly',
	'molly',
	'sally',
	'july',
	'reply',
	'supply',
	'fly',
	'butterfly',
]);

function isAdverb(word: string): boolean {
	return /^\p{L}{3,}ly$/u.test(word) && !notAdverbs.has(word);
}
