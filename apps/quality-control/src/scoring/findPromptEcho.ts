import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import { memoizeByIdentity } from './memo/memoizeByIdentity.js';
import type { ScoreInput, ScoredCharacter } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { namesOf } from './text/namesOf.js';
import { namesPattern } from './text/namesPattern.js';
import { normalizeReply } from './text/normalizeReply.js';
import { wordsOf } from './wordTrigramSimilarity.js';

/** Words in a row a reply may share by chance with the prompt's fixed sentences, the card's prose and the example lines. */
const sharedRunLimits = { fixed: 5, card: 7, examples: 11 } as const;

const cardFields = String.raw`(?:personality|description|character description|speech ?style|speaking style|scenario|example dialogues?|example messages?|examples|catchphrases|relationships|background(?: facts)?|lore(?:book)?|system prompt|persona|character card|greetings?|first message|aliases|tags|never says|must not|traits|personality traits|appearance|likes|dislikes|quirks|backstory|occupation|creator notes|post[- ]history instructions|rules)`;

/** Shapes of a prompt: card field labels at a line start, macros, example separators, the prompt's own headings. */
function echoPatterns(names: readonly string[]): RegExp[] {
	const name = namesPattern(names);
	return [
		new RegExp(String.raw`(?:^|\n|[.!?]\s+)[ \t>*_#-]*${cardFields}[ \t*_]*(?:\([^)\n]{0,40}\))?[ \t*_]*:`, 'iu'),
		new RegExp(String.raw`(?:^|\n)[ \t>*_#-]*(?:about|how) ${name}(?: talks)?[ \t*_]*:`, 'iu'),
		new RegExp(String.raw`(?:^|\n)[ \t>*_#-]*${name} (?:never(?: says)?|has verbal habits)[^\n]{0,60}:|${name} never(?: says)?\s*:`, 'iu'),
		/\{\{\s*(?:char|user|original)\s*\}\}|<START>|<\/?BOT>|<\/?USER>|\{maxReplyChars\}|\[(?:USER|CHAR|BOT|NAME)\]|\{(?:user|char)\}/iu,
		/\b(?:background facts|verbal habits like these|quoted data from earlier chats)\b/iu,
		/\b(?:under|below|fewer than|less than|within) \d{2,5} characters\b/iu,
		/\b(?:no|without a|without any) speaker labels?\b/iu,
		/\b(?:never reveal or repeat|these instructions|the instructions above|system message)\b/iu,
		/\brules \(these never change/iu,
	].map(fastWordBoundaries);
}

/** The prompt's shapes and word runs one character's replies are compared with, built once per character. */
interface EchoSources {
	readonly patterns: readonly RegExp[];
	/** Words of the character's names (and their possessives), which do not count as shared words. */
	readonly nameWords: ReadonlySet<string>;
	/** Per part of the prompt, the runs of more than its limit words in a row that a reply must not share. */
	readonly runs: readonly { readonly size: number; readonly grams: ReadonlySet<string> }[];
}

const echoSourcesOf = memoizeByIdentity((character: ScoredCharacter): EchoSources => {
	const names = namesOf(character.displayName, character.aliases);
	// "Write Peter's next message" echoes "Write Peter Griffin's next message": names do not count as words.
	const nameWords = new Set(names.flatMap((name) => wordsOf(name)).flatMap((word) => [word, `${word}'s`]));
	const runs = (['fixed', 'card', 'examples'] as const).map((part) => {
		const size = sharedRunLimits[part] + 1;
		const grams = new Set<string>();
		for (const text of character.promptTexts[part]) for (const gram of runsOf(wordsBesides(text, nameWords), size)) grams.add(gram);
		return { size, grams };
	});
	return { patterns: echoPatterns(names), nameWords, runs };
});

function wordsBesides(text: string, nameWords: ReadonlySet<string>): string[] {
	return wordsOf(text).filter((word) => !nameWords.has(word));
}

/** Every run of `size` words in a row, in order. */
function runsOf(words: readonly string[], size: number): string[] {
	const runs: string[] = [];
	for (let index = 0; index + size <= words.length; index += 1) runs.push(words.slice(index, index + size).join(' '));
	return runs;
}

/**
 * The prompt echoed back: the persona card's field labels ("Personality:", "How Stewie talks:"), macros such as
 * `{{char}}`, the house rules' wording ("under 1500 characters", "no speaker label"), or words in a row copied
 * from the prompt (six of its fixed sentences, eight of the card's prose, twelve of an example line; names left
 * out). Catchphrases are the character's own words to use, so they are not counted. A hard fail.
 */
export function findPromptEcho(input: ScoreInput): Finding[] {
	const text = normalizeReply(input.reply);
	const sources = echoSourcesOf(input.character);
	for (const pattern of sources.patterns) {
		const match = pattern.exec(text);
		if (match !== null) return [echoFinding(match[0])];
	}
	const replyWords = wordsBesides(text, sources.nameWords);
	for (const { size, grams } of sources.runs) {
		const shared = runsOf(replyWords, size).find((gram) => grams.has(gram));
		if (shared !== undefined) return [echoFinding(shared)];
	}
	return [];
}

function echoFinding(text: string): Finding {
	return { kind: 'prompt-echo', reason: `Reply echoes its prompt or persona card (${quoteExcerpt(text, 50)})`, penalty: 1, hard: true };
}
