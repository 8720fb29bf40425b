const swaps: Readonly<Record<string, string>> = {
	i: 'you',
	me: 'you',
	my: 'your',
	mine: 'yours',
	myself: 'yourself',
	"i'm": "you're",
	"i've": "you've",
	"i'll": "you'll",
	"i'd": "you'd",
	your: 'my',
	yours: 'mine',
	yourself: 'myself',
	our: 'your',
	ours: 'yours',
	we: 'you',
	us: 'you',
	"we're": "you're",
};

/**
 * A member's words as the character says them back: "I like my dog" → "you like your dog", "your car" → "my car";
 * "am" and "was" after "I" become "are" and "were". "you" itself stays, since whether it means "I" or "me" is a guess.
 */
export function swapPerspective(text: string): string {
	let previous = '';
	return text.replace(/[\p{L}']+/gu, (word) => {
		const lower = word.toLowerCase().replace(/’/gu, "'");
		let swapped = swaps[lower];
		if (swapped === undefined && (previous === 'i' || previous === 'we')) swapped = lower === 'am' ? 'are' : lower === 'was' ? 'were' : undefined;
		previous = lower;
		if (swapped === undefined) return word;
		return /^\p{Lu}/u.test(word) && lower !== 'i' ? swapped[0]?.toUpperCase() + swapped.slice(1) : swapped;
	});
}
