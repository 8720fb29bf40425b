/** How many characters Discord counts in `text`: Unicode code points (its API measures with Python's `len`), so 😀 is one. */
export function countCharacters(text: string): number {
	let count = 0;
	for (const _ of text) count += 1;
	return count;
}
