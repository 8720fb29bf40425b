import type { SimScript } from '@charbot/ollama-sim';
import { questionTokenPattern } from './questionTokenPattern.js';

const words = [
	'turkey',
	'bowling',
	'quahog',
	'tuesday',
	'lawnmower',
	'pickle',
	'rooster',
	'brewery',
	'trampoline',
	'accordion',
	'mustache',
	'volcano',
	'dentist',
	'hammock',
	'sausage',
	'parade',
	'bagpipe',
	'toaster',
	'seagull',
	'mattress',
	'canoe',
	'waffle',
	'gorilla',
	'umbrella',
	'pancake',
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
];

/**
 * A simulator script that answers a load question by echoing its token followed by words picked from the token, so each
 * reply names the question it answers and differs from the character's other replies (quality control rejects repetition).
 */
export const echoQuestionScript: SimScript = {
	match: questionTokenPattern,
	reply: ({ lastUserMessage }) => {
		const token = questionTokenPattern.exec(lastUserMessage)?.[0] ?? 'no-token';
		let seed = [...token].reduce((hash, character) => (hash * 31 + character.charCodeAt(0)) >>> 0, 7);
		const picked = Array.from({ length: 10 }, () => {
			seed = (seed * 1_103_515_245 + 12_345) >>> 0;
			// The high bits: an LCG's low bits repeat with a short period, which made two tokens' replies nearly the same.
			return words[(seed >>> 16) % words.length];
		});
		return `About ${token}: ${picked.slice(0, 5).join(' ')}, and then the ${picked.slice(5).join(' ')} thing happened. Heh heh.`;
	},
};
