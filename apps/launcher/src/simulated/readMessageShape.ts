import type { CharacterPromptReading, OtherCharacter } from './CharacterPromptReading.js';
import { findTopic, type Topic } from './findTopic.js';
import type { ReplyShape } from './ReplyShape.js';
import { swapPerspective } from './swapPerspective.js';
import { wordsIn } from './wordTrigramOverlap.js';

/** What a message asks of the character, read from its words. */
export interface MessageShape {
	readonly shape: ReplyShape;
	readonly topic: Topic | undefined;
	/** The other character it is about, or who wrote it (banter). */
	readonly other: OtherCharacter | undefined;
	/** The fact it tells or asks about, as the character says it ("you like jazz"). */
	readonly fact: string | undefined;
}

const rememberRequest = /\b(?:remember|don'?t forget|do not forget)\b[\s,:;-]*(?:that\s+)?(i\b[^.!?\n]{2,160})/iu;
const recallQuestion =
	/\bwhat (?:do|did|am) i\b|\bwhat(?:'s| is| are) my\b|\bdo you (?:remember|know) (?:me|what|anything)\b|\bwhat do you (?:know|remember) about me\b|\bwho am i\b|\bremember (?:me|what i)\b|\bdo i (?:like|love|hate|have|play)\b/iu;
const greeting =
	/^(?:hi+|hey+|hello+|yo|sup|hiya|howdy|heya|good (?:morning|evening|afternoon)|what'?s up|wh?at'?s good|how (?:are|r) (?:you|u|ya)|how'?s it going)\b/iu;
const yesNoStart = /^(?:do|does|did|are|is|am|can|could|would|will|should|have|has|was|were|ever)\b/iu;
const questionStart = /^(?:what|why|how|who|where|when|which|do|does|did|are|is|can|could|would|will|should|have|has)\b/iu;

/** Reads the message to answer: its shape, topic, the other character it concerns and any fact it tells or asks for. */
export function readMessageShape(reading: CharacterPromptReading): MessageShape {
	const { text, speaker } = reading.trigger;
	const ownName = new RegExp(String.raw`^(?:@?(?:${reading.names.map(escape).join('|')}))\b[\s,:!.-]*`, 'iu');
	const plain = text
		.replace(/<[@#:a-z!&][^>\s]{0,80}>|@(?:everyone|here)\b/giu, ' ')
		.trim()
		.replace(ownName, '')
		.trim();
	const namesOf = namesIn(reading);
	const speakerCharacter = reading.others.find((other) => other.name === speaker);
	const mentioned = reading.others.find(
		(other) => other !== speakerCharacter && namesOf(other).some((name) => new RegExp(String.raw`\b${escape(name)}\b`, 'iu').test(plain)),
	);
	const allNames = [...reading.names, ...reading.speakers, ...reading.others.flatMap(namesOf)].filter((name) => name !== '');
	const topic = findTopic(plain, allNames);
	const base = { topic, other: undefined, fact: undefined };
	if (speakerCharacter !== undefined) {
		// Banter is about what the member brought up, never the other character's own (possibly simulated) words.
		const about = reading.lastMemberMessage === undefined ? undefined : findTopic(reading.lastMemberMessage, allNames);
		return { ...base, topic: about, shape: 'banter', other: speakerCharacter };
	}
	if (wordsIn(plain).length === 0) return { ...base, shape: 'empty' };
	const told = rememberRequest.exec(plain)?.[1];
	if (told !== undefined && !/\?\s*$/u.test(plain)) return { ...base, shape: 'remember', fact: swapPerspective(told.trim().replace(/[\s,;:-]+$/u, '')) };
	if (recallQuestion.test(plain)) return { ...base, shape: 'recall', fact: recalledFact(reading.facts, plain) };
	if (mentioned !== undefined) return { ...base, shape: 'opinion', other: mentioned };
	if (greeting.test(plain) && wordsIn(plain).length <= 6) return { ...base, shape: 'greeting' };
	const asking = plain.includes('?') || questionStart.test(plain);
	const shape = topic === undefined ? 'empty' : !asking ? 'statement' : yesNoStart.test(plain) ? 'yesno' : 'question';
	return { ...base, shape };
}

/** The remembered fact that shares the most words with the question (the first one when none does), as the character says it. */
function recalledFact(facts: readonly string[], question: string): string | undefined {
	// "night" asks about "I work nights": words compare without a plural ending.
	const stem = (word: string) => (word.length > 3 ? word.replace(/(?:es|s)$/u, '') : word);
	const asked = new Set(
		wordsIn(question)
			.filter((word) => !['i', 'what', 'do', 'my', 'me', 'you', 'is', 'am', 'the', 'a'].includes(word))
			.map(stem),
	);
	let best: string | undefined;
	let bestShared = -1;
	for (const fact of facts) {
		const shared = wordsIn(fact).filter((word) => asked.has(stem(word))).length;
		if (shared > bestShared) [best, bestShared] = [fact, shared];
	}
	return best === undefined ? undefined : swapPerspective(best);
}

/** The names another character goes by: its display name, first name, and last name when no one else here has it. */
function namesIn(reading: CharacterPromptReading): (other: OtherCharacter) => string[] {
	const lastName = (name: string) => name.split(/\s+/u).at(-1)?.toLowerCase() ?? '';
	const taken = [reading.name, ...reading.others.map((other) => other.name)].map(lastName);
	return (other) => {
		const words = other.name.split(/\s+/u);
		const last = words.length > 1 && taken.filter((name) => name === lastName(other.name)).length === 1 ? (words.at(-1) ?? '') : '';
		return [...new Set([other.name, words[0] ?? '', last])].filter((name) => name.length >= 2);
	};
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
