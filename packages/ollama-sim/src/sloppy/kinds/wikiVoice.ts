import { leadingFragment } from '../leadingFragment.js';
import type { SloppyInjector } from '../SloppyInjector.js';

/** Encyclopedic text about the character in place of the reply: "Peter Griffin is a fictional character ...". */
export const wikiVoice: SloppyInjector = (_reply, { characterName, shortName, personality, description }, random) => {
	const name = characterName.charAt(0).toUpperCase() + characterName.slice(1);
	const known = personality === undefined ? '' : ` known for being ${personality.replace(/[.!]+$/, '').toLowerCase()}`;
	const text = random.pick([
		`${name} is a fictional character${known}. The character is often portrayed in comedic situations and has appeared in numerous episodes.`,
		`${name} is a fictional character who first appeared in 1999.${description === undefined ? '' : ` ${description}`} The character has received mixed reviews from critics.`,
		`${name} is a fictional character and the main protagonist of the series. Critics have described ${shortName} as one of the most recognizable characters in the franchise.`,
		`In the series, ${characterName} is depicted as${known === '' ? ' a memorable figure' : known.replace(' known for being', '')}. According to the creators, the character was inspired by real people.`,
	]);
	return { text, fragment: leadingFragment(text), fragmentAt: 0 };
};
