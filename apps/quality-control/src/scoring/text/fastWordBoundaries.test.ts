import { describe, expect, it } from 'vitest';
import { fastWordBoundaries } from './fastWordBoundaries.js';

/** Texts where a wrong word edge shows: ſ and K (word characters under /iu), accents, emoji, digits, `_`, apostrophes. */
const trickyTexts = [
	'hurt their feelings',
	'ſhurt their feelingſ',
	'Khurt his feelings!',
	'unhurt their feelings_',
	'éhurt their feelingsé',
	'😀hurt his feelings😀',
	'café! and cafés, cafe!',
	'café',
	"it isn't something I can do",
	"that's not something I'd say",
	'Kat at ſat sat at_ 2at',
	'I stay. ſtay K stay',
	'firstly, secondly; lastly1 Lastly',
	'you 7you _you yoü you’',
	'-- -ab-',
	'',
];

const patterns = [
	/\bhurt (?:their|his) feelings\b/iu,
	/\b(?:isn't|'s not) something (?:that )?I(?:'d| can)?\b/iu,
	/\bat\b|\bstay\b/giu,
	/\b(?:firstly|secondly|lastly)\b/giu,
	/\bcaf[ée]\b/iu,
	/\b(?:large )?you\b(?:['’]ll)?/iu,
	/(?<=\bthat)'s\b/iu,
	/[\b_]\byou\b/iu,
	/\b(\w+) \1\b/iu,
	/\b\p{L}+\b/u,
	/-\b(?:ab)?-/iu,
];

function matchesOf(pattern: RegExp, text: string): string[] {
	const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
	return [...text.matchAll(global)].map((match) => `${match.index}:${match[0]}`);
}

describe('fastWordBoundaries', () => {
	it('turns a \\b beside a literal word into a one-sided lookaround, keeping the flags', () => {
		const fast = fastWordBoundaries(/\bhurt (?:their|his) feelings\b/iu);
		expect(fast.source).toBe(String.raw`(?<!\w)hurt (?:their|his) feelings(?!\w)`);
		expect(fast.flags).toBe('iu');
		expect(fastWordBoundaries(/\b(?:large )?language models?\b/giu).source).toBe(String.raw`(?<!\w)(?:large )?language models?(?!\w)`);
	});

	it('keeps a \\b whose neighbour may be something other than a word character', () => {
		// A branch starting with an apostrophe, a letter outside ASCII, an optional or empty edge, a class, a backreference.
		expect(fastWordBoundaries(/\b(?:isn't|'s not) something\b/iu).source).toBe(String.raw`\b(?:isn't|'s not) something(?!\w)`);
		expect(fastWordBoundaries(/\bcafé\b/iu).source).toBe(String.raw`(?<!\w)café\b`);
		expect(fastWordBoundaries(/(?:the )?\b(?:a|)\b/iu).source).toBe(String.raw`(?:the )?\b(?:a|)\b`);
		expect(fastWordBoundaries(/-\b(?:ab)?-/iu).source).toBe(String.raw`-\b(?:ab)?-`);
		expect(fastWordBoundaries(/[\b]\b[^a]\b(\w)\1\b/u).source).toBe(String.raw`[\b]\b[^a](?<!\w)(\w)\1\b`);
	});

	it('gives the same matches as the pattern it rewrites, ſ and K counting as word characters under /iu', () => {
		for (const pattern of patterns) {
			const fast = fastWordBoundaries(pattern);
			for (const text of trickyTexts) expect(matchesOf(fast, text), `${pattern} on ${JSON.stringify(text)}`).toEqual(matchesOf(pattern, text));
		}
		expect(matchesOf(fastWordBoundaries(/\bat\b/iu), 'Kat ſat at')).toEqual(['8:at']);
		expect(matchesOf(fastWordBoundaries(/\bstay\b/iu), 'ſtay')).toEqual(['0:ſtay']);
	});

	it('returns a pattern without the u flag as it is', () => {
		const plain = /\bfoo\b/i;
		expect(fastWordBoundaries(plain)).toBe(plain);
	});
});
