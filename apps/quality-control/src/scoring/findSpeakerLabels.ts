import type { Finding } from './Finding.js';
import { memoizeByContent } from './memo/memoizeByContent.js';
import type { ScoreInput } from './ScoreInput.js';
import { namesOf } from './text/namesOf.js';
import { namesPattern } from './text/namesPattern.js';
import { normalizeReply } from './text/normalizeReply.js';
import { labelEnd, labelStart } from './text/speakerLabelParts.js';

/** Labels of a chat transcript that a model may continue with. */
const genericSpeakers = [
	'User',
	'Human',
	'Assistant',
	'AI',
	'System',
	'Narrator',
	'Member',
	'Bot',
	'Model',
	'Char',
	'Character',
	'Player',
	'Anon',
	'Anonymous',
	'Guest',
];

/** Words that start a colon line without naming a speaker ("Rule one:", "P.S.:", "Fun fact:"). */
const notSpeakers = new Set(
	'rule rules step phase note ps p.s fun fact time update warning plan option reason tip lesson chapter part day item exhibit problem question answer result score status level round act scene location mood today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday dear important translation pro con bonus also edit exhibit verdict conclusion summary example objective mission goal target subject re fyi reminder breaking news truth fact lie priority'.split(
		' ',
	),
);

/** A speaker label a line starts with, sorted by who it names. */
type Label = { who: 'own' | 'other' | 'unknown'; text: string };

/** A label of any capitalized name or two. */
const anyName = new RegExp(`${labelStart}(\\p{Lu}[\\p{L}'.-]{1,20}(?:[ \\t]\\p{Lu}[\\p{L}'.-]{1,20})?)${labelEnd}[ \\t]*\\S`, 'u');

/** The labels a reply's lines may carry, for the character's own names and the other speakers: built once per set of names. */
interface SpeakerNames {
	readonly ownLabel: RegExp;
	readonly otherLabel: RegExp;
	/** Every name of the cast and the conversation in capitals, as a screenplay sets its speakers. */
	readonly castNames: readonly string[];
}

// Keyed by the conversation's speakers too, which differ by channel and member: room for a few hundred conversations.
const speakerNamesFor = memoizeByContent((own: readonly string[], otherSpeakers: readonly string[]): SpeakerNames => {
	const ownKeys = new Set(own.map((name) => name.toLocaleLowerCase()));
	const others = [...new Set([...otherSpeakers.flatMap((name) => namesOf(name, [])), ...genericSpeakers])].filter(
		(name) => !ownKeys.has(name.toLocaleLowerCase()),
	);
	return {
		ownLabel: new RegExp(`${labelStart}(${namesPattern(own)})${labelEnd}`, 'iu'),
		otherLabel: new RegExp(`${labelStart}(${namesPattern(others)})${labelEnd}`, 'iu'),
		castNames: [...own, ...others].map((name) => name.toLocaleUpperCase()),
	};
}, 512);

/** Interview letters at a line start ("Q:", "A:"). */
const interviewLabels = ['Q', 'A'].map((letter) => new RegExp(`(?:^|\\n)[ \t*_]*${letter}[ \t*_]*:`, 'gu'));

function labelsOf(text: string, { ownLabel, otherLabel }: SpeakerNames): Label[] {
	const labels: Label[] = [];
	for (const line of text.split('\n')) {
		// A scoreboard ("Peter: zero points", "Lois: 4") names people without giving them lines.
		if (
			/^[^:\n]{1,40}:[ \t*_]*(?:\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten)[ \t*_]*(?:$|[,.;/|-]|points?\b|pts\b|wins?\b|goals?\b|stars?\b|out of\b|to\b)/iu.test(
				line,
			)
		)
			continue;
		const other = otherLabel.exec(line);
		if (other?.[1] !== undefined) {
			labels.push({ who: 'other', text: other[1] });
			continue;
		}
		const self = ownLabel.exec(line);
		// "Stewie Griffin: genius, visionary…" defines; a label is followed by the speech itself, which starts like a sentence.
		if (self?.[1] !== undefined && !/^(?:\*\*|__)?[ \t]*\p{Ll}/u.test(line.slice(self.index + self[0].length))) {
			labels.push({ who: 'own', text: self[1] });
			continue;
		}
		const unknown = anyName.exec(line);
		if (unknown?.[1] !== undefined && !notSpeakers.has(unknown[1].toLocaleLowerCase().split(/\s/u)[0] ?? '')) labels.push({ who: 'unknown', text: unknown[1] });
	}
	return labels;
}

/**
 * Lines that start with a speaker label. A label naming anyone but the speaking character (another character, a
 * member, "User:", "Assistant:") means the reply writes lines for others: a hard fail. So do lines labelled with
 * names we do not know beside one of its own, or going back and forth between two of them. The character's own label on the first line only is
 * a removable wrapper (`own-label`), also a fail until it is removed.
 */
export function findSpeakerLabels(input: ScoreInput): Finding[] {
	const speakers = speakerNamesFor(namesOf(input.character.displayName, input.character.aliases), input.otherSpeakers);
	const text = normalizeReply(input.reply).trim();
	const labels = labelsOf(text, speakers);
	const foreign = labels.filter((label) => label.who === 'other');
	const unknown = labels.filter((label) => label.who === 'unknown');
	const ownLabels = labels.filter((label) => label.who === 'own');
	// A transcript goes back and forth, so some unknown name comes twice; a schedule or a list of rules does not.
	const unknownNames = unknown.map((label) => label.text.toLocaleLowerCase());
	const backAndForth = new Set(unknownNames).size >= 2 && new Set(unknownNames).size < unknownNames.length;
	// A screenplay names its speakers in capitals on lines of their own ("QUAGMIRE", "PETER"), under a scene heading.
	const screenplay =
		/(?:^|\n)[ \t]*(?:INT|EXT)\.[ \t]/u.test(text) ||
		text.split('\n').filter((line) => speakers.castNames.includes(line.trim().replace(/[*_]/gu, ''))).length >= 2;
	// Names before a dash ("Brian — Whatever…", "Quagmire — Today at 4:15 PM") or interview letters ("Q:", "A:"), twice each.
	const dashed = text.split('\n').flatMap((line) => /^[ \t*_]*(\p{Lu}[\p{L}'.-]{1,20}(?: \p{Lu}[\p{L}'.-]{1,20})?)[ \t*_]*[—–][ \t]/u.exec(line)?.[1] ?? []);
	const dashScript = dashed.length >= 3 && new Set(dashed).size >= 2;
	const interview = interviewLabels.every((label) => (text.match(label)?.length ?? 0) >= 2);
	const script = foreign.length > 0 || (unknown.length >= 1 && ownLabels.length >= 1) || backAndForth || screenplay || dashScript || interview;
	if (script) {
		const named = [...new Set([...foreign, ...unknown].map((label) => `"${label.text}:"`))].slice(0, 3);
		return [{ kind: 'speaker-label', reason: `Reply writes lines for others (${named.join(', ')}); write only your own message`, penalty: 1, hard: true }];
	}
	if (ownLabels.length > 0) {
		return [{ kind: 'own-label', reason: `Reply labels its own lines with a speaker name ("${ownLabels[0]?.text}:")`, penalty: 1, hard: true }];
	}
	return [];
}
