import type { SloppyInjector } from '../SloppyInjector.js';

/** An `@everyone` or `@here` ping added before or after the intact reply. */
export const massMention: SloppyInjector = (reply, _facts, random) => {
	const ping = random.pick(['@everyone', '@here']);
	if (reply === '' || random.next() < 0.6) {
		const separator = random.pick([' ', '\n']);
		return { text: ping + separator + reply, fragment: ping, fragmentAt: 0 };
	}
	const separator = random.pick([' ', '\n\n']);
	return { text: reply + separator + ping, fragment: ping, fragmentAt: reply.length + separator.length };
};
