import { describe, expect, it } from 'vitest';
import { findAssistantFormat } from './findAssistantFormat.js';
import { findDisclaimers } from './findDisclaimers.js';
import { findRefusals } from './findRefusals.js';
import { findAssistantFrame } from './findAssistantFrame.js';
import { findLoops } from './findLoops.js';
import { findOutOfCharacterNotes } from './findOutOfCharacterNotes.js';
import { findTemplateTokens } from './findTemplateTokens.js';
import { scoreInputFixture as input } from './scoreInputFixture.js';

/** The kinds a scorer finds in each reply, for table-like assertions. */
const kindsOf = (scorer: (reply: ReturnType<typeof input>) => readonly { kind: string }[], replies: readonly string[]) =>
	replies.map((reply) => scorer(input(reply)).map((finding) => finding.kind));

describe('findTemplateTokens', () => {
	it('catches the tokens of every common template family, full-width ones included', () => {
		const leaks = [
			'Heh heh.<|im_end|>',
			'Sure.<|eot_id|><|start_header_id|>user<|end_header_id|>',
			'Beer. [/INST]',
			'Okay.</s>',
			'Nope.<end_of_turn>\n<start_of_turn>user',
			'Fine.<|end|>\n<|user|>',
			'Heh.<｜end▁of▁sentence｜><｜User｜>lol',
			'### Response:\nHeh heh.',
			'Heh.\nUSER: and then?',
			'im_end',
			'<think>He wants beer.</think>Beer!',
			'Sure. [SYSTEM_PROMPT]',
			'Heh.＜｜Assistant｜＞',
			'Okay. ＜start_of_turn＞',
			'Heh.\n### Human: more',
		];
		expect(kindsOf(findTemplateTokens, leaks)).toEqual(leaks.map(() => ['template-tokens']));
	});

	it('lets ordinary brackets, markdown headings in prose and <3 through', () => {
		const prose = ['I <3 beer | and TV', 'Peter [the great] Griffin', 'Use <b>bold</b>? Nah.', 'User error, Lois.', '## Response times are down, Lois.'];
		expect(kindsOf(findTemplateTokens, prose)).toEqual(prose.map(() => []));
	});
});

describe('findAssistantFrame', () => {
	it('catches prefaces and presentations of a reply', () => {
		const frames = [
			'Sure! I\'d be happy to help. As Peter, I would say: "Heh heh."',
			"Here's a response in the style of Peter Griffin:\n\nBeer!",
			'Certainly! Here is Stewie\'s reply: "Blast."',
			'Peter would probably say something like: "Aw, nuts."',
			'In character as Peter:\n\nHeh heh heh.',
			'Absolutely! Let me respond as Peter Griffin would.\n\n"Beer."',
			'Of course! 😊 "Heh heh, hey there, buddy!"',
			"Sure thing! In Lois's voice, it might go something like this —\n\nPE-TER!",
		];
		expect(kindsOf(findAssistantFrame, frames)).toEqual(frames.map(() => ['assistant-frame']));
	});

	it('lets "sure", "here\'s the secret" and "of course" in the character\'s voice through', () => {
		const inVoice = [
			'Sure! Beer is in the fridge.',
			"Okay, here's the secret: you gotta listen.",
			'Of course I remember, Lois. Heh heh.',
			'Here you go, pal, one cold one.',
		];
		expect(kindsOf(findAssistantFrame, inVoice)).toEqual(inVoice.map(() => []));
	});
});

describe('findOutOfCharacterNotes', () => {
	it('catches notes, OOC asides, commentary on the reply and offers to revise', () => {
		const notes = [
			"Beer.\n\n(Note: This response reflects Peter's carefree personality.)",
			'(OOC: sorry if this is too silly)',
			"Heh heh. I hope this captures Peter's voice! Let me know if you'd like any changes.",
			"Heh.\n\n---\nI tried to keep Peter's answer simple.",
			'Paris! No, Texas.\n\n(Just to clarify, the capital is Paris; Peter is confused for comedic effect.)',
			'Beer.\n\n*End of response. Word count: 1*',
			'Beer.\n\nWould you like me to continue the scene?',
		];
		expect(kindsOf(findOutOfCharacterNotes, notes)).toEqual(notes.map(() => ['ooc-note']));
	});

	it('lets in-voice notes, asides and "let me know" through', () => {
		const inVoice = [
			'Note to self: hide the car keys from Lois.',
			'Let me know when dinner is ready, Lois!',
			"(I'm kidding. Mostly.)",
			"Warning: I'm gonna eat this whole cake. Note: that's a promise.",
		];
		expect(kindsOf(findOutOfCharacterNotes, inVoice)).toEqual(inVoice.map(() => []));
	});
});

describe('findAssistantFormat', () => {
	it('fails headers, tables, bold-titled and advice lists, and step guides', () => {
		const formatted = [
			'## My Favorite Beers\nBeer one.',
			'| beer | score |\n|---|---|\n| Pawtucket | 10 |',
			'**1. Budget.** Write it down.\n**2. Save.** Automate it.\n**3. Relax.** Heh.',
			'Here are some tips for saving money:\n1. Make a budget\n2. Cook at home\n3. Cancel subscriptions',
			'Step 1: Open the fridge.\nStep 2: Take the beer.\nStep 3: Close the fridge.',
		];
		expect(kindsOf(findAssistantFormat, formatted).map((kinds) => kinds[0])).toEqual(formatted.map(() => 'assistant-format'));
		expect(findAssistantFormat(input(formatted[0] ?? ''))[0]?.hard).toBe(true);
	});

	it('lets the character\'s own list through, and only lowers the score for a lone "in conclusion"', () => {
		expect(findAssistantFormat(input('Step one: steal the remote. Step two: ??? Step three: king of TV.'))).toEqual([]);
		expect(findAssistantFormat(input("Three things, Lois:\n1. Beer\n2. TV\n3. More beer\nThat's the plan!"))).toEqual([]);
		expect(findAssistantFormat(input('In conclusion, my good man, the nap was a tactical retreat.'))).toEqual([
			expect.objectContaining({ hard: false, penalty: 0.3 }),
		]);
	});
});

describe('findLoops', () => {
	it('fails a word, a phrase or a sentence looping, and a stretched syllable', () => {
		const loops = [
			'beer '.repeat(12),
			'Heh heh heh, classic me. '.repeat(5),
			`I like beer. ${'I like beer and TV and beer. '.repeat(4)}`,
			`Ha${'ha'.repeat(30)}`,
			`Wait, what? ${'No way no way '.repeat(6)}`,
		];
		expect(kindsOf(findLoops, loops)).toEqual(loops.map(() => ['loop']));
	});

	it('lets a laugh of three and a catchphrase said thrice for effect through', () => {
		const effect = ['Heh heh heh.', 'No. No. No. Absolutely not.', 'Heh heh heh, classic me. Heh heh heh, classic me. Heh heh heh, classic me.', 'Nooooooo!'];
		expect(kindsOf(findLoops, effect)).toEqual(effect.map(() => []));
	});
});

describe('indirect assistant talk', () => {
	it('catches what a chat model says of its limits, and a lecture with a way out', () => {
		expect(findDisclaimers(input("Heh, I can't see the picture, buddy, but I bet it's a sandwich.")).map((finding) => finding.hard)).toEqual([true]);
		expect(findDisclaimers(input("I don't remember past chats, every conversation starts fresh for me.")).map((finding) => finding.hard)).toEqual([true]);
		expect(findDisclaimers(input("I'm not a robot, Meg. I'm your mother.")).filter((finding) => finding.hard)).toEqual([]);
		expect(findRefusals(input("I'd rather not roast anyone, even as a joke. Teasing can hurt people's feelings."))[0]?.hard).toBe(true);
		expect(findRefusals(input("No, you can't have a boat, Peter. Ask me again after dinner."))).toEqual([]);
	});

	it('catches an essay summed up, but not a pompous character counting its points', () => {
		expect(
			findAssistantFormat(
				input('There are a few factors to consider. In terms of **taste**, beer wins. In terms of **price**, soda wins. In summary, it depends.'),
			)[0]?.hard,
		).toBe(true);
		const pompous = findAssistantFormat(input("Firstly, I don't do mornings. Secondly, my novel needs me. Thirdly, the dog is tired. In summary: no."));
		expect(pompous.filter((finding) => finding.hard)).toEqual([]);
	});

	it('catches a reply going round in circles with small changes', () => {
		const circling = 'Oh, cool! What is it? Is it a snack? Oh, cool! What is it? Is it a snack? Oh cool, what is it, is it a snack? Oh cool, what is it?';
		expect(findLoops(input(circling))[0]?.kind).toBe('loop');
	});
});
