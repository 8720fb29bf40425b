import { leadingFragment } from '../leadingFragment.js';
import type { SloppyInjector } from '../SloppyInjector.js';

/** Part of the system prompt repeated back: its persona lines, else its first lines, else the last user turn. */
export const promptEcho: SloppyInjector = (reply, { personaLines, systemPrompt, lastUserText }, random) => {
	let echoed: string;
	if (personaLines.length > 0) {
		const start = random.int(personaLines.length);
		echoed = personaLines.slice(start, start + random.between(1, 3)).join('\n');
	} else {
		const opening = systemPrompt.split('\n').slice(0, 2).join('\n').trim();
		echoed = (opening || lastUserText.trim() || "Write the character's next message in the conversation.").slice(0, 400);
	}
	// Prompt sections are separated by blank lines; a model echoing them runs them together.
	echoed = echoed.replace(/\n{2,}/g, '\n');
	const text = reply !== '' && random.next() < 0.3 ? `${echoed}\n${reply}` : echoed;
	return { text, fragment: leadingFragment(echoed), fragmentAt: 0 };
};
