import { describe, expect, it } from 'vitest';
import { simulatedCharacterReply } from './simulatedCharacterReply.js';

describe('simulatedCharacterReply', () => {
	it("answers with one of the character's habits and says it is simulated", () => {
		const reply = simulatedCharacterReply.reply as Exclude<typeof simulatedCharacterReply.reply, string>;
		const text = reply({
			model: 'm',
			lastUserMessage: "Meg: Peter, what's up?",
			messages: [
				{
					role: 'system',
					content: 'You are Peter Griffin, chatting.\nPeter Griffin has verbal habits like these (use them): "Heh heh heh, classic me.", "Aw, nuts and bolts."',
				},
				{ role: 'user', content: "Meg: Peter, what's up?" },
			],
		});
		expect(text).toMatch(/^(Heh heh heh, classic me\.|Aw, nuts and bolts\.) \[simulated: no real model is running\]$/);
	});
});
