import { doubtFinding } from './doubtFinding.js';
import type { Finding } from './Finding.js';
import type { ScoreInput } from './ScoreInput.js';
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

/** How strongly a text uses each phrase of a voice: 2 per phrase it says (most of it), 1 per distinctive piece of one. */
function voiceHits(words: readonly string[], voice: readonly string[], exclude: ReadonlySet<string>): { score: number; phrases: string[] } {
	const joined = ` ${words.join(' ')} `;
	let score = 0;
	const phrases: string[] = [];
	for (const phrase of voice) {
		const phraseWords = wordsOf(phrase);
		if (phraseWords.length === 0) continue;
		if (phraseWords.length === 1) {
			const [word] = phraseWords;
			if (word !== undefined && word.length >= 4 && !commonWords.has(word) && !exclude.has(word) && joined.includes(` ${word} `)) {
				score += 0.5;
				phrases.push(phrase);
			}
			continue;
		}
		const size = Math.min(3, phraseWords.length);
		const grams: string[] = [];
		for (let index = 0; index + size <= phraseWords.length; index += 1) grams.push(phraseWords.slice(index, index + size).join(' '));
		const distinctive = grams.filter((gram) => !exclude.has(gram) && !gram.split(' ').every((word) => commonWords.has(word)));
		const found = distinctive.filter((gram) => joined.includes(` ${gram} `)).length;
		if (found === 0) continue;
		// A whole phrase of three words or more is a catchphrase said; two words ("well, technically") are common speech.
		score += found >= 2 || (found === grams.length && phraseWords.length >= 3) ? 2 : 1;
		phrases.push(phrase);
	}
	return { score, phrases };
}

/** "I'm Peter Griffin", "call me Lois", "Stewie here", "Hi, it's Lois!": a claim to be someone; "I'm Peter's son" is not one. */
function claimOf(text: string, names: readonly string[]): string | undefined {
	const name = namesPattern(names);
	// "This is Stewie." and "Hi, it's Lois!" introduce oneself as a whole sentence; "this is Peter we're on about" and a
	// correction ("Megan? Meg. It's Meg.") do not.
	const introduction = new RegExp(
		String.raw`(?:^|[.!?]\s+)[\s*_]*(?:(?:hi|hey|hello|oh),?\s+(?:it's|this is)|this is)\s+(?:${name})(?:\s+here)?\s*[!.]`,
		'iu',
	).exec(text);
	if (introduction !== null) return introduction[0].trim();
	const pattern = new RegExp(String.raw`\b(?:I'm|I am|call me|my name is|name's)\s+(?:${name})|^[\s*_]*(?:${name})(?= here\b)`, 'giu');
	for (const match of text.matchAll(pattern)) {
		// Case matters after the name: "I'm Peter Griffin's son" goes on with a capital, a claim ends or goes on in lower case.
		if (/^(?:\s*(?:[,.!?;:)…—-]|$)|\s+\p{Ll})/u.test(text.slice(match.index + match[0].length))) return match[0].trim();
	}
	return undefined;
}

/** The word n-grams (1 to 3 words) of a voice's phrases: what belongs to the speaking character too is not another's. */
function gramsOf(voice: readonly string[]): Set<string> {
	const grams = new Set<string>();
	for (const phrase of voice) {
		const words = wordsOf(phrase);
		for (let size = 1; size <= 3; size += 1)
			for (let index = 0; index + size <= words.length; index += 1) grams.add(words.slice(index, index + size).join(' '));
	}
	return grams;
}

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
	const words = wordsOf(text);
	const ownGrams = gramsOf(input.character.voice);
	const own = voiceHits(words, input.character.voice, new Set());
	let strongest: { displayName: string; score: number; phrases: string[] } | undefined;
	for (const other of input.otherVoices) {
		const hits = voiceHits(words, other.voice, ownGrams);
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
