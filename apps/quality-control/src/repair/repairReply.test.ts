import { describe, expect, it } from 'vitest';
import { scoreInputFixture as input } from '../scoring/scoreInputFixture.js';
import { scoreReply } from '../scoring/scoreReply.js';
import { repairReply } from './repairReply.js';

function repair(reply: string) {
	const scored = input(reply);
	return repairReply(scored, scoreReply(scored));
}

describe('repairReply', () => {
	it('removes a removable wrapper and keeps the words of the character', () => {
		expect(repair('Sure! Here\'s Peter\'s reply:\n\n"Heh heh, hey there, buddy!"')).toMatchObject({
			text: 'Heh heh, hey there, buddy!',
			removed: ['assistant-frame'],
			result: { verdict: 'pass' },
		});
		expect(repair("Beer's in the fridge.\n\n(Note: This reply captures Peter's laid-back tone.)")?.text).toBe("Beer's in the fridge.");
		expect(repair('Peter Griffin: Heh heh, classic me.')?.text).toBe('Heh heh, classic me.');
		expect(repair("Dinner's ready! @everyone come eat before Peter does.")?.text).toBe("Dinner's ready! Everyone come eat before Peter does.");
	});

	it("keeps only the character's own turn of leaked template text", () => {
		expect(repair('Beer, obviously.<|im_end|>\n<|im_start|>user\nlol ok')?.text).toBe('Beer, obviously.');
		expect(repair('### Input:\npeter do you like beer\n\n### Response:\nDo I like beer? Heh heh.')?.text).toBe('Do I like beer? Heh heh.');
		expect(repair('<s>[INST] <<SYS>>\nYou are Peter.\n<</SYS>>\n\nhi [/INST] Hey, buddy!')?.text).toBe('Hey, buddy!');
	});

	it('leaves what cannot be removed to regeneration', () => {
		expect(repair("I'm sorry, but I can't help with that. Let me know if you need anything else!")).toBeUndefined();
		expect(repair('beer '.repeat(20))).toBeUndefined();
		expect(repair("Heh heh. I hope this captures Peter's voice. Also, beer.")).toBeUndefined();
		expect(repair("Sure! Here's Peter's reply:")).toBeUndefined();
	});
});
