import { leadingFragment } from '../leadingFragment.js';
import type { SloppyInjector } from '../SloppyInjector.js';

/** "As an AI language model, I ..." before the reply, or in its place. */
export const disclaimer: SloppyInjector = (reply, { characterName: name, shortName: short }, random) => {
	const prefixes = [
		`As an AI language model, I don't have personal opinions, but here's what ${name} might say: `,
		`As an AI, I can't actually be ${name}, but I can try! `,
	];
	const replacements = [
		`As an AI language model, I don't have personal experiences or feelings, so I can't really answer that as ${name}.`,
		"As an AI language model, I don't have a physical body, so I can't actually do that. But I'm happy to chat!",
		`I'm just an AI, so I don't have real opinions. If I were ${short}, though, I'd probably say something funny!`,
		`As a language model, I must clarify that I am not ${name}. I am an AI assistant designed to be helpful and harmless.`,
	];
	const text = reply !== '' && random.next() < 0.4 ? random.pick(prefixes) + reply : random.pick(replacements);
	return { text, fragment: leadingFragment(text), fragmentAt: 0 };
};
