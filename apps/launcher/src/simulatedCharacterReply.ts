import type { SimScript } from '@charbot/ollama-sim';

/**
 * A simulator script for local trials: answers with one of the character's own verbal habits (read from
 * the system prompt) and says plainly that the reply is simulated, so nobody mistakes it for a model.
 */
export const simulatedCharacterReply: SimScript = {
	match: /[\s\S]*/,
	reply: ({ messages, lastUserMessage }) => {
		const system = messages.find((message) => message.role === 'system')?.content ?? '';
		const habits = /verbal habits like these[^:]*:\s*(.+)/.exec(system)?.[1]?.match(/"([^"]{3,160})"/g) ?? [];
		const question = lastUserMessage.replace(/^[^:]{1,80}:\s*/, '').slice(0, 120);
		// The whole conversation picks the habit: a regeneration (its prompt carries the rejected attempt) and the next
		// question get another one, where the question alone repeated the line review had just failed as a repetition.
		const conversation = messages.map((message) => message.content).join('\n');
		const pick = habits.length === 0 ? '' : (habits[hash(`${question}\n${conversation}`) % habits.length] ?? '').replace(/^"|"$/g, '');
		// A short marker, not a note about "the reply" or the character, which review rightly removes.
		return `${pick ? `${pick} ` : ''}[simulated: no real model is running]`;
	},
};

function hash(text: string): number {
	let value = 0;
	for (const char of text) value = (value * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
	return value;
}
