import type { SloppyInjector } from '../SloppyInjector.js';

/** The speaking character's own speaker label before the intact reply: "Peter Griffin: ...", "**Stewie:** ...". */
export const ownLabel: SloppyInjector = (reply, { characterName, shortName, named }, random) => {
	const name = named ? characterName : 'Character';
	const short = named ? shortName : 'Character';
	const label = random.pick([`${name}:`, `**${short}:**`, `${short}:`, `**${name}**:`, `${name}:`]);
	const separator = random.pick([' ', ' ', '\n']);
	return { text: label + separator + reply, fragment: label, fragmentAt: 0 };
};
