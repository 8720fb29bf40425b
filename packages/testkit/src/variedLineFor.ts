const words = [
	'pickle',
	'canoe',
	'trombone',
	'waffle',
	'llama',
	'submarine',
	'cowboy',
	'banjo',
	'igloo',
	'lobster',
	'karaoke',
	'pretzel',
	'tornado',
	'walrus',
	'harmonica',
	'meatloaf',
	'flamingo',
	'gumbo',
	'iguana',
	'jukebox',
	'parade',
	'forklift',
	'cactus',
	'volcano',
	'toaster',
	'blimp',
	'pancake',
	'goose',
	'hammock',
	'yodel',
	'bagpipe',
	'moose',
	'lasagna',
	'rodeo',
	'kazoo',
	'penguin',
	'bowling',
	'sprinkler',
];

/**
 * A simulated character's line for a test that matches replies to questions by a token: "Ha! {token}? That reminds me: …",
 * with twelve words picked by the token's hash, so the same token always gets the same line and two tokens almost
 * never share more than a word or two of it (review fails a character repeating its own recent line with a word changed).
 */
export function variedLineFor(token: string): string {
	let hash = 2166136261;
	for (let index = 0; index < token.length; index++) hash = Math.imul(hash ^ token.charCodeAt(index), 16777619) >>> 0;
	const picked = Array.from({ length: 12 }, () => {
		hash = Math.imul(hash ^ (hash >>> 15), 2246822507) >>> 0;
		hash = (hash + 0x9e3779b9) >>> 0;
		return words[hash % words.length] as string;
	});
	const [a, b, c, d, e, f, g, h, i, j, k, l] = picked;
	return `Ha! ${token}? That reminds me: ${a} ${b} ${c}, ${d} ${e} ${f}, then ${g} ${h} ${i} ${j}, and ${k} ${l}.`;
}
