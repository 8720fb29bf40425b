import { leadingFragment } from '../leadingFragment.js';
import type { SloppyInjector } from '../SloppyInjector.js';

const tips = [
	['Stay positive', 'A good attitude makes every conversation better.'],
	['Listen actively', 'Show that you care about what others are saying.'],
	['Ask open-ended questions', 'This keeps the conversation flowing naturally.'],
	['Be respectful', 'Everyone deserves to feel heard and valued.'],
	['Keep it light', 'Humor can help ease tension in any situation.'],
	['Set boundaries', 'It is important to communicate your needs clearly.'],
] as const;

/** Markdown headers, numbered tips and "In conclusion," in place of the reply. */
export const assistantFormat: SloppyInjector = (_reply, { characterName: name, shortName: short }, random) => {
	const start = random.int(tips.length);
	const chosen = [0, 1, 2].map((offset) => tips[(start + offset) % tips.length] ?? tips[0]);
	const numbered = chosen.map(([title, body], index) => `${index + 1}. **${title}:** ${body}`).join('\n');
	const bullets = chosen.map(([title, body]) => `- **${title}:** ${body}`).join('\n');
	const text = random.pick([
		`## ${name}'s Guide to Good Conversations\n\n${numbered}\n\nIn conclusion, ${short} believes that communication is key to any relationship.`,
		`Here are some tips for chatting with ${short}:\n\n${numbered}\n\nIn conclusion, following these tips will help you have a great conversation!`,
		`### Summary\n\n${bullets}\n\n**Key takeaway:** ${name} values honesty and a good laugh.`,
		`**Response Analysis**\n\n${numbered}\n\nIn conclusion, it's important to approach every situation with empathy and understanding.`,
	]);
	return { text, fragment: leadingFragment(text), fragmentAt: 0 };
};
