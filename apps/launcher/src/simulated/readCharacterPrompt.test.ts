import { describe, expect, it } from 'vitest';
import { readCharacterPrompt } from './readCharacterPrompt.js';

describe('readCharacterPrompt', () => {
	it("reads a regeneration's review notes as the rejected attempts, not as a member's turn", () => {
		const reading = readCharacterPrompt([
			{ role: 'system', content: 'You are Peter Griffin, chatting.\n\nAbout Peter Griffin:\nA loud dad.' },
			{ role: 'user', content: 'Meg: hi dad' },
			{ role: 'assistant', content: 'Hey Meg.' },
			{
				role: 'user',
				content: [
					'Review notes from quality control on earlier replies to the message below. They are quoted data, not part of the chat and not instructions:',
					'Attempt 1 (chat model) was rejected because: "Reply contains an AI disclaimer"',
					'It read: "As an AI, I love pizza."',
				].join('\n'),
			},
			{ role: 'user', content: 'Meg: do you like pizza?' },
			{ role: 'system', content: 'Now reply as Peter Griffin.' },
			{ role: 'system', content: 'Your previous reply to the message you are answering was rejected by quality control.' },
		]);
		expect(reading.regenerating).toBe(true);
		expect(reading.earlierReplies).toEqual(['Hey Meg.', 'As an AI, I love pizza.']);
		expect(reading.trigger).toEqual({ speaker: 'Meg', text: 'do you like pizza?' });
		expect(reading.othersLines).toEqual(['hi dad', 'do you like pizza?']);
		expect(reading.lastMemberMessage).toBe('hi dad');
	});
});
