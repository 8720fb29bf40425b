import type { CharacterPromptReading, OtherCharacter } from './CharacterPromptReading.js';
import { readExampleBits } from './readExampleBits.js';
import { readLikes } from './readLikes.js';
import { withoutSimulatedMarker } from './withoutSimulatedMarker.js';

/** One chat message of a prompt. */
export interface PromptTurn {
	readonly role: string;
	readonly content: string;
}

const formalStyle =
	/\b(?:posh|upper-class|formal|articulate|measured|crisp diction|eloquent|refined|literary|pompous|aristocratic|erudite|elaborate sentences|long words)\b/iu;
const defaultMaxChars = 600;
const reviewNotesHeading = 'Review notes from quality control on earlier replies';

/**
 * Reads a character prompt as the message router builds it (see `buildCharacterPrompt`): the persona's name, voice
 * and habits, the others it sees, remembered facts and lore from the system message; its own earlier replies and the
 * message to answer from the turns. Unknown layouts (a persona's own system prompt) still give a name and the turns.
 */
export function readCharacterPrompt(messages: readonly PromptTurn[]): CharacterPromptReading {
	const system = messages.find((message) => message.role === 'system')?.content ?? '';
	const name =
		/^About (.{1,80}):$/mu.exec(system)?.[1] ??
		/Stay in character as (.{1,80}?) at all times/u.exec(system)?.[1] ??
		/^You are ([^,.\n]{1,80})/mu.exec(system)?.[1] ??
		'';
	const nameWords = name.split(/\s+/u);
	const line = (label: string) => lineStartingWith(system, label);
	const description = system.split('\n')[system.split('\n').findIndex((text) => text === `About ${name}:`) + 1] ?? '';
	const personality = line('Personality: ') ?? '';
	const speech = line(`How ${name} talks: `) ?? '';
	const habitsLine = /^.{1,120} has verbal habits like these[^:]*:\s*(.+)$/mu.exec(system)?.[1] ?? '';
	const neverLine = line(`${name} never says: `) ?? '';
	// A regeneration quotes the rejected attempts in a user turn of their own before the trigger (see `presentRejectedAttempts`).
	const isReviewNotes = (message: PromptTurn) => message.role === 'user' && message.content.startsWith(reviewNotesHeading);
	const lastUser = messages.findLastIndex((message) => message.role === 'user' && !isReviewNotes(message));
	const turns = messages.slice(1, lastUser === -1 ? messages.length : lastUser).filter((message) => !isReviewNotes(message));
	const attempts = messages.filter(isReviewNotes);
	const trigger = splitSpeaker(withoutSimulatedMarker(messages[lastUser]?.content ?? ''));
	const others = listAfter(system, `How ${name} sees the others here:`).flatMap((item): OtherCharacter[] => {
		const split = /^(.{1,80}?): (.+)$/u.exec(item);
		return split?.[1] === undefined || split[2] === undefined ? [] : [{ name: split[1], view: split[2] }];
	});
	const said = turns.filter((turn) => turn.role === 'user').map((turn) => splitSpeaker(withoutSimulatedMarker(turn.content)));
	const characters = new Set([name, ...others.map((other) => other.name)]);
	return {
		name,
		names: [...new Set([name, nameWords[0] ?? '', nameWords.at(-1) ?? ''].filter((text) => text !== ''))],
		formal: formalStyle.test(speech),
		pronoun: pronounOf(description),
		habits: quotedList(habitsLine),
		stylePhrases: [...speech.matchAll(/["“]([^"”]{2,40})["”]/gu)].map((match) => (match[1] ?? '').trim()).filter((phrase) => phrase !== ''),
		neverSays: quotedList(neverLine),
		likes: readLikes(personality),
		exampleBits: readExampleBits(system, name),
		others,
		lore: listAfter(system, 'Background facts (use them when they matter):'),
		facts: listAfter(system, `Notes ${name} remembers about the person who wrote the last message.`).flatMap(parseJsonString),
		earlierReplies: [
			...turns.filter((turn) => turn.role === 'assistant').map((turn) => withoutSimulatedMarker(turn.content)),
			...attempts.flatMap((attempt) => [...attempt.content.matchAll(/^It read: (".*")$/gmu)].flatMap((match) => parseJsonString(match[1] ?? ''))),
		],
		othersLines: [...said.map((turn) => turn.text), trigger.text],
		speakers: [...new Set([...said.map((turn) => turn.speaker), trigger.speaker].filter((speaker) => speaker !== ''))],
		lastMemberMessage: said.findLast((turn) => !characters.has(turn.speaker))?.text,
		trigger,
		regenerating: attempts.some((attempt) => /\bIt read: "/u.test(attempt.content)),
		maxChars: Number(/\bunder (\d{2,5}) characters\b/u.exec(messages.map((message) => message.content).join('\n'))?.[1] ?? defaultMaxChars),
	};
}

/** "Bob: hi there" → speaker Bob; a name a character shares is marked "(member)" by the prompt, which is dropped. */
function splitSpeaker(content: string): { speaker: string; text: string } {
	const match = /^([^:\n]{1,100}): ([\s\S]*)$/u.exec(content);
	if (match === null) return { speaker: '', text: content };
	return { speaker: (match[1] ?? '').replace(/\s*\(member\)$/u, '').trim(), text: (match[2] ?? '').trim() };
}

function lineStartingWith(text: string, label: string): string | undefined {
	const found = text.split('\n').find((candidate) => candidate.startsWith(label));
	return found?.slice(label.length).trim();
}

/** The "- item" lines right after a heading line that starts with `heading`. */
function listAfter(text: string, heading: string): string[] {
	const lines = text.split('\n');
	const start = lines.findIndex((candidate) => candidate.startsWith(heading));
	if (start === -1) return [];
	const items: string[] = [];
	for (const item of lines.slice(start + 1)) {
		if (!item.startsWith('- ')) break;
		items.push(item.slice(2).trim());
	}
	return items;
}

/** `"a", "b, c", "d"` → [a, "b, c", d]. */
function quotedList(text: string): string[] {
	const trimmed = text.trim();
	if (!trimmed.startsWith('"') || !trimmed.endsWith('"')) return [];
	return trimmed
		.slice(1, -1)
		.split('", "')
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

function parseJsonString(text: string): string[] {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
	} catch {
		// A line that is not the JSON string the prompt writes is not a fact; it is skipped, not guessed at.
		return [];
	}
}

function pronounOf(description: string): 'he' | 'she' | undefined {
	const he = description.match(/\b(?:he|him|his|himself)\b/giu)?.length ?? 0;
	const she = description.match(/\b(?:she|her|hers|herself)\b/giu)?.length ?? 0;
	if (he > she * 2) return 'he';
	if (she > he * 2) return 'she';
	return undefined;
}
