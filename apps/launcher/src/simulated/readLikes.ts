const possessive: Readonly<Record<string, string>> = { his: 'my', her: 'my', their: 'my', its: 'my' };

/**
 * What a personality says the character loves, enjoys, adores, wants or is proud of, as short noun phrases in the
 * character's own words: "Loves beer, TV, junk food and dodging chores" → beer, TV, junk food, dodging chores;
 * "he wants his bear, his nap" → my bear, my nap. Verb phrases ("loves to lecture") are left out.
 */
export function readLikes(personality: string): string[] {
	const likes: string[] = [];
	for (const match of personality.matchAll(/\b(?:loves|enjoys|adores|wants|proud of)\s+([^.;:!?]+)/giu)) {
		const list = match[1] ?? '';
		if (/^(?:to|that|it|him|her|them|when|how)\b(?!\s+\p{L})/iu.test(list) || /^(?:to|that|when|how)\b/iu.test(list)) continue;
		for (const item of list.split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/u)) {
			const words = item
				.trim()
				.split(/\s+/u)
				.filter((word) => word !== '' && !isAdverb(word))
				.map((word) => possessive[word.toLowerCase()] ?? word);
			const phrase = words.join(' ');
			if (words.length === 0 || words.length > 4 || !/^[\p{L}' -]+$/u.test(phrase)) continue;
			if (/^(?:to|that|and|or|but)\b/iu.test(phrase)) continue;
			// "keeps score quietly": a verb phrase of the same sentence, not a thing loved.
			if (words.length > 1 && /^\p{Ll}+s$/u.test(words[0] ?? '') && !(words[0] ?? '').endsWith('ss')) continue;
			likes.push(phrase);
		}
	}
	return [...new Set(likes)];
}

const notAdverbs = new Set(['family', 'belly', 'jelly', 'bully', 'ally', 'rally', 'lily', 'folly', 'italy', 'holly', 'molly', 'sally']);

function isAdverb(word: string): boolean {
	return /^\p{L}{2,}ly$/u.test(word) && !notAdverbs.has(word.toLowerCase());
}
