import { doubtFinding } from './doubtFinding.js';
import type { Finding } from './Finding.js';
import { memoizeByContent } from './memo/memoizeByContent.js';
import { memoizeByIdentity } from './memo/memoizeByIdentity.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { namesPattern } from './text/namesPattern.js';
import { normalizeReply } from './text/normalizeReply.js';
import { withoutQuotes } from './text/withoutQuotes.js';
import { wordsOf } from './wordTrigramSimilarity.js';

/** Words too common to mark anyone's voice, even when a speech style quotes them. */
const commonWords = new Set(
	(
		'like literally uh um look well so oh yeah okay ok cool honey sweetie pal buddy man dude quite really just right wait what hey no yes the a an and or but my your i you ' +
		"i'm i've i'll i'd you're it's that's don't can't won't going gonna need want get got go to of in on at for with about this that these those is are was were be been " +
		'have has had do does did not all any some one two more most very too also then than there here now just still even again how why when where who which ' +
		'we us our they them their he him his she her it its me mine be make made say said know think see come take give tell thing things something time day way ' +
		'good great new old little big lot bit much many never always ever only out up down off over into from by as if'
	).split(' '),
);

/** A phrase of a voice, read once: its words, its runs of up to three words, and those not made of common words alone. */
interface VoicePhrase {
	readonly phrase: string;
	readonly words: readonly string[];
	readonly grams: readonly string[];
	readonly uncommonGrams: readonly string[];
}

const phrasesOf = memoizeByIdentity((voice: readonly string[]): VoicePhrase[] =>
	voice.map((phrase) => {
		const words = wordsOf(phrase);
		const size = Math.min(3, words.length);
		const grams: string[] = [];
		for (let index = 0; index + size <= words.length; index += 1) grams.push(words.slice(index, index + size).join(' '));
		return { phrase, words, grams, uncommonGrams: grams.filter((gram) => !gram.split(' ').every((word) => commonWords.has(word))) };
	}),
);

/** The runs of one to three words in a row of a text's words: what a phrase's words or pieces are looked up in. */
function wordGrams(words: readonly string[]): Set<string> {
	const grams = new Set<string>();
	for (let size = 1; size <= 3; size += 1) for (let index = 0; index + size <= words.length; index += 1) grams.add(words.slice(index, index + size).join(' '));
	return grams;
}

/** How strongly a text (its {@link wordGrams}) uses each phrase of a voice: 2 per phrase it says (most of it), 1 per distinctive piece of one. */
function voiceHits(said: ReadonlySet<string>, voice: readonly string[], exclude: ReadonlySet<string>): { score: number; phrases: string[] } {
	let score = 0;
	const phrases: string[] = [];
	for (const { phrase, words: phraseWords, grams, uncommonGrams } of phrasesOf(voice)) {
		if (phraseWords.length === 0) continue;
		if (phraseWords.length === 1) {
			const [word] = phraseWords;
			if (word !== undefined && word.length >= 4 && !commonWords.has(word) && !exclude.has(word) && said.has(word)) {
				score += 0.5;
				phrases.push(phrase);
			}
			continue;
		}
		const found = uncommonGrams.filter((gram) => !exclude.has(gram) && said.has(gram)).length;
		if (found === 0) continue;
		// A whole phrase of three words or more is a catchphrase said; two words ("well, technically") are common speech.
		score += found >= 2 || (found === grams.length && phraseWords.length >= 3) ? 2 : 1;
		phrases.push(phrase);
	}
	return { score, phrases };
}

/** The patterns of a claim to be someone of these names, compiled once per names. */
const claimPatternsFor = memoizeByContent((names: readonly string[]) => {
	const name = namesPattern(names);
	return {
		// "This is Stewie." and "Hi, it's Lois!" introduce oneself as a whole sentence; "this is Peter we're on about" and a
		// correction ("Megan? Meg. It's Meg.") do not.
		introduction: new RegExp(String.raw`(?:^|[.!?]\s+)[\s*_]*(?:(?:hi|hey|hello|oh),?\s+(?:it's|this is)|this is)\s+(?:${name})(?:\s+here)?\s*[!.]`, 'iu'),
		claim: fastWordBoundaries(new RegExp(String.raw`\b(?:I'm|I am|call me|my name is|name's)\s+(?:${name})|^[\s*_]*(?:${name})(?= here\b)`, 'giu')),
	};
});

/** "I'm Peter Griffin", "call me Lois", "Stewie here", "Hi, it's Lois!": a claim to be someone; "I'm Peter's son" is not one. */
function claimOf(text: string, names: readonly string[]): string | undefined {
	const patterns = claimPatternsFor(names);
	const introduction = patterns.introduction.exec(text);
	if (introduction !== null) return introduction[0].trim();
	// matchAll reads a copy of the pattern, so the shared one's lastIndex stays put.
	for (const match of text.matchAll(patterns.claim)) {
		// Case matters after the name: "I'm Peter Griffin's son" goes on with a capital, a claim ends or goes on in lower case.
		if (/^(?:\s*(?:[,.!?;:)…—-]|$)|\s+\p{Ll})/u.test(text.slice(match.index + match[0].length))) return match[0].trim();
	}
	return undefined;
}

/** The word n-grams (1 to 3 words) of a voice's phrases: what belongs to the speaking character too is not another's. */
const gramsOf = memoizeByIdentity((voice: readonly string[]): ReadonlySet<string> => new Set(phrasesOf(voice).flatMap(({ words }) => [...wordGrams(words)])));

/**
 * Another cast member's voice: the reply claims to be someone else ("I'm Peter Griffin!"), or, outside quotes,
 * uses another character's catchphrases and signature words (2 for a phrase said, 1 for a distinctive piece, ½ for
 * a signature word) for a total of 2 or more, and more than its own. Quoting someone is fine. A hard fail; a total of 1
 * is a doubt.
 */
export function findOtherVoice(input: ScoreInput): Finding[] {
	const text = withoutQuotes(normalizeReply(input.reply));
	for (const other of input.otherVoices) {
		const claim = claimOf(text, other.names);
		if (claim !== undefined) {
			return [{ kind: 'other-voice', reason: `Reply speaks as ${other.displayName}, not ${input.character.displayName} ("${claim}")`, penalty: 1, hard: true }];
		}
	}
	const said = wordGrams(wordsOf(text));
	const ownGrams = gramsOf(input.character.voice);
	const own = voiceHits(said, input.character.voice, new Set());
	let strongest: { displayName: string; score: number; phrases: string[] } | undefined;
	for (const other of input.otherVoices) {
		const hits = voiceHits(said, other.voice, ownGrams);
		if (hits.score > (strongest?.score ?? 0)) strongest = { displayName: other.displayName, ...hits };
	}
	if (strongest === undefined || strongest.score <= own.score || strongest.score < 1) return [];
	const quoted = strongest.phrases.slice(0, 2).map((phrase) => `"${phrase}"`);
	if (strongest.score < 2) return [doubtFinding('other-voice', `Reply may sound like ${strongest.displayName} (uses ${quoted.join(', ')})`)];
	return [
		{
			kind: 'other-voice',
			reason: `Reply sounds like ${strongest.displayName}, not ${input.character.displayName} (uses ${quoted.join(', ')})`,
			penalty: 1,
			hard: true,
		},
	];
}
