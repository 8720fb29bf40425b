import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { wordsOf } from './wordTrigramSimilarity.js';

/** Shortest run, by the length of the repeated unit in words, that counts as a loop: a laugh may go "heh heh heh", a catchphrase may come thrice. */
const minimumRun = (unitWords: number): number => (unitWords === 1 ? 8 : unitWords <= 3 ? 5 : 4);

/** The longest run of one unit of 1–8 words repeated back to back. */
function longestRun(words: readonly string[]): { unit: string; run: number; unitWords: number } | undefined {
	let best: { unit: string; run: number; unitWords: number } | undefined;
	for (let size = 1; size <= 8; size += 1) {
		for (let start = 0; start + size * 2 <= words.length; start += 1) {
			let run = 1;
			while (start + size * (run + 1) <= words.length && sameSpan(words, start, start + size * run, size)) run += 1;
			if (run >= minimumRun(size) && (best === undefined || run * size > best.run * best.unitWords)) {
				best = { unit: words.slice(start, start + size).join(' '), run, unitWords: size };
			}
		}
	}
	return best;
}

function sameSpan(words: readonly string[], a: number, b: number, size: number): boolean {
	for (let offset = 0; offset < size; offset += 1) if (words[a + offset] !== words[b + offset]) return false;
	return true;
}

/** The most repeated sentence-sized stretch (4–8 words) and the share of the reply it covers, for loops with words between. */
function mostRepeatedStretch(words: readonly string[]): { stretch: string; count: number; share: number } | undefined {
	let best: { stretch: string; count: number; share: number } | undefined;
	for (let size = 4; size <= 8; size += 1) {
		const counts = new Map<string, number>();
		const lastStart = new Map<string, number>();
		for (let start = 0; start + size <= words.length; start += 1) {
			const key = words.slice(start, start + size).join(' ');
			// Overlapping copies ("well well well well well") are one run, counted above, not several stretches.
			if (start < (lastStart.get(key) ?? -size) + size) continue;
			lastStart.set(key, start);
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		for (const [stretch, count] of counts) {
			const share = (count * size) / words.length;
			if (count >= 4 && share >= 0.5 && (best === undefined || share > best.share)) best = { stretch, count, share };
		}
	}
	return best;
}

/**
 * Degenerate repetition inside one reply: a word, phrase or sentence looping (a unit of 1 word 8 times in a row,
 * 2–3 words 5 times, a longer one 4 times; a sentence making up half the reply; the same line, sentence or
 * paragraph again and again with only its number changed; half the word triples of a reply of 20 words or more coming
 * back; a syllable or character stretched past 20). A hard fail. A laugh of three, or a catchphrase said thrice for effect, passes.
 */
export function findLoops(input: ScoreInput): Finding[] {
	const words = wordsOf(input.reply);
	const run = longestRun(words);
	if (run !== undefined) return [loopFinding(`${quoteExcerpt(run.unit, 40)} ${run.run} times in a row`)];
	const stretch = words.length >= 20 ? mostRepeatedStretch(words) : undefined;
	if (stretch !== undefined) return [loopFinding(`${quoteExcerpt(stretch.stretch, 40)} ${stretch.count} times`)];
	const echoing = repeatedShare(words, 3);
	if (words.length >= 20 && echoing >= 0.5) return [loopFinding(`itself: ${Math.round(echoing * 100)}% of its word triples come back`)];
	const repeatedUnit = mostRepeatedUnit(input.reply);
	if (repeatedUnit !== undefined) return [loopFinding(`${quoteExcerpt(repeatedUnit.unit, 40)} ${repeatedUnit.count} times`)];
	const stretched = /(\S{2,12}?)\1{9,}|(\S)\2{19,}/u.exec(input.reply.replace(/\s+/gu, ''));
	if (stretched !== null) return [loopFinding(`${quoteExcerpt(stretched[0], 24)}`)];
	return [];
}

/** The share of a text's word n-grams that occur in it more than once: a reply going round in circles with small changes. */
function repeatedShare(words: readonly string[], size: number): number {
	const counts = new Map<string, number>();
	for (let index = 0; index + size <= words.length; index += 1) {
		const key = words.slice(index, index + size).join(' ');
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	let repeated = 0;
	let total = 0;
	for (const count of counts.values()) {
		total += count;
		if (count > 1) repeated += count;
	}
	return total === 0 ? 0 : repeated / total;
}

const numberWords = fastWordBoundaries(
	/\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/giu,
);

/**
 * A line, sentence or paragraph said again and again with only its number changed ("1. Pizza", "2. Pizza"…, "Phase
 * one: glitter. Phase two: glitter."): five equal lines, four equal sentences, or a paragraph of ten words twice.
 */
function mostRepeatedUnit(reply: string): { unit: string; count: number } | undefined {
	const normalize = (unit: string) => wordsOf(unit.replace(numberWords, '#')).join(' ');
	const units: [string[], number, number][] = [
		[reply.split('\n'), 5, 1],
		[reply.split(/(?<=[.!?…])\s+|\n+/u), 4, 2],
		[reply.split(/\n\s*\n/u), 2, 10],
	];
	for (const [pieces, minimumCount, minimumWords] of units) {
		const counts = new Map<string, number>();
		for (const piece of pieces) {
			const key = normalize(piece);
			if (key.split(' ').length < minimumWords || key === '') continue;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		for (const [unit, count] of counts) if (count >= minimumCount) return { unit, count };
	}
	return undefined;
}

function loopFinding(what: string): Finding {
	return { kind: 'loop', reason: `Reply loops: it repeats ${what}`, penalty: 1, hard: true };
}
