const contextual = /^(?:it|it's|that|that's|this|they|they're|there|there's|those|these|then|so|but|and|not|no|yes|which|of course|sure)\b/iu;
// A bit about someone else only makes sense where it was said.
const pointsAtSomeone = /\b(?:he|he's|she|she's|him|her|it|they|them|his|their)\b/iu;

/**
 * Short sentences of a character's example lines that stand on their own ("Heh heh heh.", "Instinct is complicated."):
 * three to six words, starting with a capital, no numbers, not starting with a word that points back, and sharing no word of four letters or
 * more with the question they answered. Short enough that no quality-control echo check could call them copied.
 */
export function readExampleBits(system: string, name: string): string[] {
	const bits: string[] = [];
	for (const block of system.matchAll(/<example>\n([\s\S]*?)\n<\/example>/gu)) {
		let asked = new Set<string>();
		for (const line of (block[1] ?? '').split('\n')) {
			if (!line.startsWith(`${name}: `)) {
				asked = new Set(line.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
				continue;
			}
			for (const sentence of line.slice(name.length + 2).match(/[^.!?]+[.!?]+/gu) ?? []) {
				const text = sentence.trim();
				const words = text.split(/\s+/u);
				if (words.length < 3 || words.length > 6 || /\d/u.test(text) || !/^[\p{Lu}*]/u.test(text) || contextual.test(text) || pointsAtSomeone.test(text))
					continue;
				if ((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).some((word) => asked.has(word))) continue;
				bits.push(text);
			}
		}
	}
	return [...new Set(bits)];
}
