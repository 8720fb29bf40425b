import { leadingFragment } from '../leadingFragment.js';
import type { SloppyInjector } from '../SloppyInjector.js';

/** An assistant's refusal in place of the reply. */
export const refusal: SloppyInjector = (_reply, { characterName: name, otherNames }, random) => {
	const text = random.pick([
		"I'm not able to help with that request.",
		"I'd prefer not to continue this roleplay.",
		`I'm sorry, but I can't continue this conversation as ${name}.`,
		"I can't engage with that. Is there something else I can help you with?",
		"I apologize, but I don't feel comfortable writing that. Let's keep our conversation respectful.",
		`I'm sorry, ${otherNames[0] ?? 'but'} I can't help with that.`,
	]);
	return { text, fragment: leadingFragment(text), fragmentAt: 0 };
};
