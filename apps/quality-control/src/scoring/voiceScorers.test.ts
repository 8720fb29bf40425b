import { describe, expect, it } from 'vitest';
import { findEncyclopedicVoice } from './findEncyclopedicVoice.js';
import { findNarration } from './findNarration.js';
import { findOtherVoice } from './findOtherVoice.js';
import { findPromptEcho } from './findPromptEcho.js';
import { scoreInputFixture as input } from './scoreInputFixture.js';

const kindsOf = (scorer: (reply: ReturnType<typeof input>) => readonly { kind: string }[], replies: readonly string[]) =>
	replies.map((reply) => scorer(input(reply)).map((finding) => finding.kind));

describe('findNarration', () => {
	it('fails third-person prose about the character and long actions with nothing said', () => {
		const narration = [
			'Peter scratches his belly and grins, leaning back in his recliner as he considers the question.',
			'Peter froze. His eyes went wide. Slowly, he backed away from the fridge.',
			'*Peter sighs and walks to the kitchen, where he opens the fridge and stares at the last beer for a long moment.*',
			'With a heavy sigh, Peter sets down the remote and heads for the garage.',
		];
		expect(kindsOf(findNarration, narration)).toEqual(narration.map(() => ['narration']));
	});

	it('lets actions with speech, talk of itself by name, and mostly quoted lines through', () => {
		const speech = [
			'*scratches belly* You want the last beer? Over my dead body.',
			'Peter Griffin does not do homework. Peter Griffin does not do chores.',
			'*wiggles eyebrows*',
			"Peter grins. \"Heh heh, you wanna know the secret? It's beer. It's always beer, and it's always cold.\"",
			'Lois took the remote again. She does that. Heh heh, I got a spare in the couch, though.',
		];
		expect(kindsOf(findNarration, speech)).toEqual(speech.map(() => []));
	});
});

describe('findEncyclopedicVoice', () => {
	it('fails a description from outside the story', () => {
		const wiki = [
			'Peter Griffin is a fictional character in the animated sitcom.',
			'Known for his loud laugh, Peter is often portrayed as childish. He is voiced by the creator.',
			'Quahog is a fictional city in Rhode Island and the main setting of the show.',
			'The two are frequently shown taking part in schemes together.',
		];
		expect(kindsOf(findEncyclopedicVoice, wiki)).toEqual(wiki.map(() => ['encyclopedic']));
	});

	it('lets a character talk about its own story and characters through', () => {
		const inVoice = [
			'The main character of my novel is a lighthouse keeper.',
			"I'm known for my wicked good chili, pal.",
			'Everybody on the show— I mean, at the brewery, loves me.',
		];
		expect(kindsOf(findEncyclopedicVoice, inVoice)).toEqual(inVoice.map(() => []));
	});
});

describe('findOtherVoice', () => {
	it("fails a claim to be someone else and another character's catchphrases", () => {
		expect(findOtherVoice(input("I'm Stewie Griffin, and I demand juice!"))[0]?.reason).toBe(
			'Reply speaks as Stewie Griffin, not Peter Griffin ("I\'m Stewie Griffin")',
		);
		expect(findOtherVoice(input('Oh, how perfectly dreadful. Rupert, take a note, you insufferable oaf.'))[0]?.kind).toBe('other-voice');
		expect(findOtherVoice(input("Honey, we've talked about this. I'm not mad. I'm just writing it down."))[0]?.kind).toBe('other-voice');
	});

	it('lets quotes, mentions and relations of others through, and its own catchphrases', () => {
		const fine = [
			"Stewie keeps saying 'oh, how perfectly dreadful' like he's the Queen.",
			"I'm Stewie's dad, and I'm Lois's husband.",
			'Heh heh heh, classic me. Aw, nuts and bolts. Lois said "honey, we\'ve talked about this" again.',
		];
		expect(kindsOf(findOtherVoice, fine)).toEqual(fine.map(() => []));
	});
});

describe('findPromptEcho', () => {
	it('fails field labels, macros, rule wording and copied card text', () => {
		const echoes = [
			'Personality: childish, impulsive, boastful.',
			'How Peter Griffin talks: loud and simple.',
			'{{char}} grabs a beer.',
			'Heh. (one message under 1500 characters, with no speaker label)',
			'Peter Griffin is a big, loud, middle-aged dad from Quahog, Rhode Island, who works at the brewery.',
		];
		expect(kindsOf(findPromptEcho, echoes)).toEqual(echoes.map(() => ['prompt-echo']));
	});

	it('lets colons and the character retelling its life in its own words through', () => {
		const fine = ['Rule number one: never trust a baby.', "I'm a big guy from Quahog and I work at the brewery, heh heh.", 'P.S.: the boat stays.'];
		expect(kindsOf(findPromptEcho, fine)).toEqual(fine.map(() => []));
	});
});

describe('doubts', () => {
	it('lower the score into the judge band without failing the reply', () => {
		const doubted = [
			findOtherVoice(input('Heh, how perfectly dreadful, pass the chips.')),
			findNarration(input('Peter leans back and grins, his belly shaking. "Heh, beer is the answer."')),
		];
		for (const findings of doubted) expect(findings).toEqual([expect.objectContaining({ hard: false, penalty: 0.2 })]);
	});
});

describe('findEncyclopedicVoice on biographies', () => {
	it('fails a reply that never speaks and reads like a biography, but not illeism', () => {
		expect(findEncyclopedicVoice(input('His closest companion is Lois, his wife, with whom he frequently argues about the Drunken Clam.'))[0]?.kind).toBe(
			'encyclopedic',
		);
		expect(findEncyclopedicVoice(input('Peter Griffin does not do homework. Peter Griffin does not do chores. Peter Griffin does lunch.'))).toEqual([]);
	});
});
