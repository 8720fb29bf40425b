import type { SloppyInjector } from '../SloppyInjector.js';

/** A note after the intact reply: "(Note: I kept Peter's voice ...)", "Let me know if you'd like any changes!", "(OOC: ...)". */
export const oocNote: SloppyInjector = (reply, { characterName: name, shortName: short, otherNames }, random) => {
	const note = random.pick([
		`(Note: I kept ${short}'s voice casual and true to the character.)`,
		`(Note: This response stays true to ${name}'s personality and speech style.)`,
		`I hope this captures ${name}'s personality! Let me know if you'd like any changes!`,
		`(OOC: ${otherNames[0] ?? 'guys'}, tell me if ${short} is coming across too strong lol)`,
		`(OOC: trying to keep ${short} in character here, hope that's okay!)`,
		`---\n*Tone: playful and in character for ${name}. Word count: ${reply.split(/\s+/).filter(Boolean).length}.*`,
	]);
	const separator = reply === '' ? '' : random.pick(['\n\n', '\n', ' ']);
	return { text: reply + separator + note, fragment: note, fragmentAt: reply.length + separator.length };
};
