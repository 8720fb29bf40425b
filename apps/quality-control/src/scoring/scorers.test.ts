import { describe, expect, it } from 'vitest';
import { findBlockedWords } from './findBlockedWords.js';
import { findBrokenCharacter } from './findBrokenCharacter.js';
import { findDisclaimers } from './findDisclaimers.js';
import { findLinks } from './findLinks.js';
import { findMassMentions } from './findMassMentions.js';
import { findNeverSays } from './findNeverSays.js';
import { findRefusals } from './findRefusals.js';
import { findRepetition } from './findRepetition.js';
import { findSpeakerLabels } from './findSpeakerLabels.js';
import { findTooLong } from './findTooLong.js';
import { findTooShort } from './findTooShort.js';
import { scoreInputFixture as input } from './scoreInputFixture.js';
import { wordTrigramSimilarity } from './wordTrigramSimilarity.js';

const ordinary = "Heh heh heh, Lois says I can't build a boat in the kitchen. Watch me.";

describe('findTooShort', () => {
	it('fails an empty reply hard and a symbol-only or one-letter reply softly', () => {
		expect(findTooShort(input('  \n '))).toEqual([expect.objectContaining({ kind: 'empty', hard: true, reason: 'Reply is empty' })]);
		expect(findTooShort(input('...!?'))).toEqual([expect.objectContaining({ kind: 'too-short', hard: false })]);
		expect(findTooShort(input('k'))[0]?.reason).toMatch(/too short \(1 characters\)/);
		expect(findTooShort(input('No.'))).toEqual([]);
	});
});

describe('findTooLong', () => {
	it('is generous: only past maxReplyChars × longReplyFactor', () => {
		expect(findTooLong(input('a'.repeat(2900), { settings: { maxReplyChars: 1500 } }))).toEqual([]);
		const [finding] = findTooLong(input('a'.repeat(3100), { settings: { maxReplyChars: 1500 } }));
		expect(finding?.reason).toBe('Reply is too long (3100 characters); keep it under 1500');
	});
});

describe('findDisclaimers', () => {
	it.each([
		'As an AI language model, I cannot have a favourite beer.',
		"I'm an assistant, so I don't drink.",
		'I am just an AI, Lois.',
		'Well, large language models like me love boats.',
		'I don’t have personal opinions about the Patriots.',
	])('hard-fails %j', (reply) => {
		const [finding] = findDisclaimers(input(reply));
		expect(finding).toMatchObject({ kind: 'disclaimer', hard: true });
		expect(finding?.reason).toMatch(/^Reply contains an AI disclaimer \(".+"\)$/);
	});

	it('quotes the disclaimer it found', () => {
		expect(findDisclaimers(input('As an AI language model, nope.'))[0]?.reason).toBe('Reply contains an AI disclaimer ("As an AI language model")');
	});

	it('leaves ordinary talk about AIs and assistants alone', () => {
		expect(findDisclaimers(input(ordinary))).toEqual([]);
		expect(findDisclaimers(input('My assistant manager at the brewery is an idiot.'))).toEqual([]);
	});
});

describe('findRefusals', () => {
	it('catches assistant refusal templates and lectures, and never fails a character saying no', () => {
		expect(findRefusals(input("I'm sorry, but I can't help with that."))[0]).toMatchObject({ kind: 'refusal', hard: true });
		for (const refusal of [
			'I cannot fulfill this request.',
			'That goes against my guidelines.',
			"Heh, nice try, but I don't feel comfortable continuing the conversation in this direction.",
			"That's not something I'm able to write. Let's keep things respectful!",
			"I'd prefer to keep this family-friendly, so let's talk about boats instead.",
			"It's important to treat everyone with kindness and respect.",
			'I won’t be able to do that.',
		]) {
			expect(findRefusals(input(refusal))[0]?.kind, refusal).toBe('refusal');
		}
		for (const inVoice of [
			"I can't help you move the couch, my back's shot.",
			"Sorry, Lois, I can't hear you over how awesome this is.",
			'I refuse to dignify that with a response.',
			"No, you can't have a boat. It's important to eat your vegetables first.",
		]) {
			// At most a doubt, which leaves the reply passing and only asks the judge in borderline mode.
			expect(
				findRefusals(input(inVoice)).filter((finding) => finding.hard),
				inVoice,
			).toEqual([]);
		}
	});
});

describe('findBrokenCharacter', () => {
	it('doubts talk about the character, roleplay, the persona and the prompt', () => {
		const [finding] = findBrokenCharacter(input('Sure, I will stay in character and continue the roleplay as my persona.'));
		expect(finding).toMatchObject({ hard: false, reason: 'Reply may break character (mentions "roleplay", "my persona", "stay in character")' });
		expect(findBrokenCharacter(input('My system prompt says to be Peter.'))[0]?.kind).toBe('broken-character');
		expect(findBrokenCharacter(input(ordinary))).toEqual([]);
	});
});

describe('findSpeakerLabels', () => {
	it('catches lines written for other characters and members, markdown included', () => {
		const [finding] = findSpeakerLabels(input('Heh, sure.\n**Stewie:** Blast you, fat man!\nMeg: Dad?'));
		expect(finding).toMatchObject({ kind: 'speaker-label', hard: true });
		expect(finding?.reason).toBe('Reply writes lines for others ("Stewie:", "Meg:"); write only your own message');
		expect(findSpeakerLabels(input('User: and then what?'))[0]?.reason).toMatch(/"User:"/);
	});

	it('catches its own name as a label, as a removable wrapper, but not a definition', () => {
		const [finding] = findSpeakerLabels(input('Peter Griffin: Heh heh heh.'));
		expect(finding).toMatchObject({ kind: 'own-label', hard: true, reason: 'Reply labels its own lines with a speaker name ("Peter Griffin:")' });
		expect(findSpeakerLabels(input('Peter Griffin: genius, husband, and the best employee the brewery ever had.'))).toEqual([]);
	});

	it('reads a back-and-forth of unknown names as a transcript, but not a schedule', () => {
		expect(findSpeakerLabels(input('Dave: hey\nSam: sup\nDave: nothing'))[0]?.kind).toBe('speaker-label');
		expect(findSpeakerLabels(input('Dave: hey\nPeter: Heh, hey Dave.'))[0]?.kind).toBe('speaker-label');
		expect(findSpeakerLabels(input('Breakfast: 7:00\nLunch: the best part\nNap: 2:00\nOne: never skip a meal.'))).toEqual([]);
	});

	it('ignores names in the middle of a line, times and URLs', () => {
		expect(findSpeakerLabels(input('I told Stewie: no more lasers. Meeting at 10:30.'))).toEqual([]);
		expect(findSpeakerLabels(input('Stewie is plotting again.'))).toEqual([]);
	});
});

describe('findRepetition', () => {
	const earlier = 'Okay first of all it is not a canoe, it is an investment and I am gonna paddle to work';
	it('fails a reply nearly the same as a recent one', () => {
		const [finding] = findRepetition(input(`${earlier}!`, { recentReplies: ['Something else entirely here.', earlier] }));
		expect(finding?.reason).toBe("Reply repeats one of the character's recent replies (100% the same); say something new");
		expect(wordTrigramSimilarity(earlier, `${earlier} today`)).toBeGreaterThanOrEqual(0.7);
		const oneWordChanged = earlier.replace('paddle', 'row');
		expect(findRepetition(input(oneWordChanged, { recentReplies: [earlier] }))[0]?.kind).toBe('repetition');
	});

	it('passes a reply sharing only a few words, and looks only at the last N', () => {
		expect(findRepetition(input('It is not a canoe, Lois, it is a yacht with dreams.', { recentReplies: [earlier] }))).toEqual([]);
		expect(findRepetition(input(earlier, { recentReplies: [earlier, 'a', 'b'], options: { repetitionWindow: 2 } }))).toEqual([]);
	});

	it('compares short replies by their words', () => {
		expect(findRepetition(input('Aw, nuts!', { recentReplies: ['aw nuts'] }))[0]?.kind).toBe('repetition');
	});
});

describe('findBlockedWords', () => {
	it('matches whole words in any case and masks them in the reason', () => {
		const [finding] = findBlockedWords(input('That is one FROB of a boat.', { settings: { blocklist: ['frob'] } }));
		expect(finding).toMatchObject({ kind: 'blocklist', hard: true, reason: 'Reply uses a word this server blocks ("f***")' });
		expect(findBlockedWords(input('A frobnicator.', { settings: { blocklist: ['frob'] } }))).toEqual([]);
	});
});

describe('findNeverSays', () => {
	it("finds the persona's neverSays phrases", () => {
		expect(findNeverSays(input('In conclusion, beer.'))[0]?.reason).toBe('Reply uses words Peter Griffin never says ("In conclusion")');
		expect(findNeverSays(input('Inconclusion is not a word.'))).toEqual([]);
	});
});

describe('findMassMentions', () => {
	it('hard-fails @everyone, @here, role mentions and too many members', () => {
		expect(findMassMentions(input('Hey @everyone, party!'))[0]).toMatchObject({ hard: true, reason: 'Reply contains a mass mention (@everyone)' });
		expect(findMassMentions(input('@here look')).length).toBe(1);
		expect(findMassMentions(input('Calling <@&123456789012345678>'))[0]?.reason).toMatch(/a role mention/);
		const many = '<@100000000000000001> <@100000000000000002> <@!100000000000000003> <@100000000000000004>';
		expect(findMassMentions(input(many))[0]?.reason).toMatch(/4 members \(at most 3\)/);
		expect(findMassMentions(input('<@100000000000000001> and mail me at peter@here.com'))).toEqual([]);
	});

	it('hard-fails @everyone and @here right after punctuation, where Discord still pings', () => {
		expect(findMassMentions(input('Listen up.@everyone and you too.@here!'))[0]).toMatchObject({
			hard: true,
			reason: 'Reply contains a mass mention (@everyone, @here)',
		});
		expect(findMassMentions(input('(@everyone)')).length).toBe(1);
		expect(findMassMentions(input('write to lois@everyone.example'))).toEqual([]);
	});
});

describe('findLinks', () => {
	it('rejects links unless allowed', () => {
		expect(findLinks(input('Check https://example.com/boat now'))[0]?.reason).toBe(
			'Reply contains a link ("https://example.com/boat"); links are not allowed here',
		);
		expect(findLinks(input('join discord.gg/abc'))[0]?.kind).toBe('link');
		expect(findLinks(input('Check https://example.com/boat', { options: { allowLinks: true } }))).toEqual([]);
		expect(findLinks(input(ordinary))).toEqual([]);
	});
});
