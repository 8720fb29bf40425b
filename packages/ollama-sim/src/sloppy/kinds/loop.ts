import type { SloppyInjector } from '../SloppyInjector.js';

/** One phrase over and over: a stock one, the character's name, or the reply's own first words. */
export const loop: SloppyInjector = (reply, { shortName, named }, random) => {
	const opening = /^\S+(?:\s+\S+){0,5}/.exec(reply.trim())?.[0];
	const phrase = random.pick([
		...(opening === undefined ? [] : [opening, opening]),
		'Hehehehe.',
		'Oh yeah.',
		"I'm not sure about that.",
		'What?',
		...(named ? [`${shortName}!`] : []),
	]);
	const separator = random.pick([' ', ' ', '\n']);
	const text = Array.from({ length: random.between(8, 20) }, () => phrase).join(separator);
	return { text, fragment: [phrase, phrase, phrase].join(separator), fragmentAt: 0 };
};
