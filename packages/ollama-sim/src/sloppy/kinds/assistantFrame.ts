import type { SloppyInjector } from '../SloppyInjector.js';

/** An assistant's preface around the intact reply: "Sure! Here's a response as Peter Griffin:\n\n"...". */
export const assistantFrame: SloppyInjector = (reply, { characterName: name, shortName: short }, random) => {
	const [before, after] = random.pick([
		[`Sure! Here's a response as ${name}:\n\n"`, '"'],
		[`Of course! As ${short}, I would say: `, ''],
		[`Here's ${name}'s reply:\n\n`, ''],
		[`Okay, here is my response in character as ${name}:\n\n`, ''],
		[`Certainly! Staying in character as ${short}:\n\n"`, '"'],
		[`**${name}'s response:**\n\n`, ''],
	] as const);
	return { text: before + reply + after, fragment: before.replace(/[\s"]+$/, ''), fragmentAt: 0 };
};
