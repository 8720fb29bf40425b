import type { CharacterPromptReading } from './CharacterPromptReading.js';
import { type PromptTurn, readCharacterPrompt } from './readCharacterPrompt.js';
import { type MessageShape, readMessageShape } from './readMessageShape.js';
import { remarkOnPictures } from './remarkOnPictures.js';
import { replyTemplates } from './replyTemplates.js';
import { type SeededRandom, seededRandom } from './seededRandom.js';
import { simulatedMarker } from './simulatedMarker.js';
import { SpokenLines } from './SpokenLines.js';
import { sortStylePhrases, type StylePhrases } from './sortStylePhrases.js';
import { toFirstPerson } from './toFirstPerson.js';
import { voiceFlourishes } from './voiceFlourishes.js';
import { borrowedShare, wordTrigramOverlap } from './wordTrigramOverlap.js';

/** Candidates tried before the least repetitive one is taken. */
const maxAttempts = 24;
/** Word-triple overlap with an earlier reply below which a candidate counts as new (quality control fails at 0.7). */
const freshOverlap = 0.3;
/** Shapes whose reply may open by addressing the member with a style phrase ("honey", "my good man"). */
const addressable: ReadonlySet<string> = new Set(['question', 'yesno', 'statement', 'empty']);
/** How many of its own latest replies a candidate is kept apart from. */
const earlierWindow = 8;

/**
 * A simulated character reply to a character prompt, for local trials without a model: a frame chosen by what the
 * message does (greets, asks, tells, asks to remember, asks what is remembered, asks about another character, banter),
 * filled with the member's own words and remembered facts, and voiced with the persona's habits, speech-style phrases,
 * likes, lore and relationships. The choice is seeded by the whole prompt, so the same message later in a conversation
 * gets another line; it never repeats a line in `spoken` (then remembers its own) nor closely follows the character's
 * earlier replies or anyone's recent lines in the prompt. With `imageCount` images in the request it opens with a
 * remark on the picture naming that count (see `remarkOnPictures`). The last line is {@link simulatedMarker}.
 */
export function composeSimulatedReply(messages: readonly PromptTurn[], spoken: SpokenLines = new SpokenLines(), imageCount = 0): string {
	const reading = readCharacterPrompt(messages);
	const message = readMessageShape(reading);
	const style = sortStylePhrases(reading.stylePhrases);
	const seed = messages.map((turn) => `${turn.role}\u0000${turn.content}`).join('\u0001');
	const earlier = reading.earlierReplies.slice(-earlierWindow);
	// In banter the others' lines come from this same grammar: answering one with its own frame would read as parroting.
	const heard = [...earlier, ...reading.othersLines.slice(-earlierWindow)];
	const remark = imageCount > 0 ? remarkOnPictures(imageCount, reading.formal ? 'formal' : 'casual', seededRandom(`${seed}#pictures`)) : undefined;
	const maxChars = remark === undefined ? reading.maxChars : reading.maxChars - remark.length - 1;
	let best: { body: string; overlap: number } | undefined;
	for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
		const body = composeBody(reading, message, style, seededRandom(`${seed}#${attempt}`));
		if (body === undefined || body.length > maxChars || earlier.includes(body) || spoken.has(body) || saysNever(body, reading.neverSays)) continue;
		// A short line lifted whole from a long one has a low Jaccard overlap, so what it borrowed counts too.
		const overlap = Math.max(0, ...heard.map((line) => Math.max(wordTrigramOverlap(body, line), borrowedShare(body, line))));
		if (overlap < freshOverlap) return finish(body, spoken, remark);
		if (best === undefined || overlap < best.overlap) best = { body, overlap };
	}
	return finish(best?.body ?? '...', spoken, remark);
}

function finish(body: string, spoken: SpokenLines, remark: string | undefined): string {
	spoken.add(body);
	return `${remark === undefined ? '' : `${remark} `}${body}\n${simulatedMarker}`;
}

/** The values a frame's slots take for this message. */
function slotsFor(reading: CharacterPromptReading, message: MessageShape): Record<string, string | undefined> {
	const speaker = /^[\p{L}\p{N}][\p{L}\p{N}'-]{0,30}/u.exec(reading.trigger.speaker)?.[0];
	const view = message.other === undefined ? undefined : toFirstPerson(message.other.view, reading.names, reading.pronoun);
	const topic = message.topic?.phrase;
	return {
		speaker,
		topic,
		Topic: capitalize(topic),
		fact: message.fact,
		Fact: capitalize(message.fact),
		other: message.other?.name.split(/\s+/u)[0],
		view: view === undefined ? undefined : lowerFirst(view),
		View: capitalize(view),
	};
}

/** One candidate body (without the marker), or undefined when no frame fits. */
function composeBody(reading: CharacterPromptReading, message: MessageShape, style: StylePhrases, random: SeededRandom): string | undefined {
	const slots = slotsFor(reading, message);
	const register = reading.formal ? 'formal' : 'casual';
	let shape = message.shape;
	if (shape === 'opinion' && slots.view === undefined) shape = 'question';
	if (shape === 'question' || shape === 'yesno' || shape === 'statement') {
		if (slots.topic === undefined && message.other !== undefined) [slots.topic, slots.Topic] = [slots.other, slots.other];
		if (slots.topic === undefined) shape = 'empty';
	}
	// A known fact or topic is always used; frames without one are for when there is none.
	const frames = replyTemplates[shape][register].filter((frame) => {
		const needs = [...frame.matchAll(/\{(\w+)\}/gu)].map((match) => match[1] ?? '');
		if (needs.some((slot) => slots[slot] === undefined)) return false;
		if (shape === 'recall') return (slots.fact !== undefined) === /\{fact\}/iu.test(frame);
		return true;
	});
	const frame = random.pick(frames);
	if (frame === undefined) return undefined;
	let core = frame.replace(/\{(\w+)\}/gu, (_all, slot: string) => slots[slot] ?? '');
	const startsWithWords = !frame.startsWith('{');
	const recent = reading.earlierReplies.slice(-3);
	const habits = reading.habits.filter((habit) => !recent.some((reply) => reply.includes(habit)));
	const roll = random.next();
	let usedHabit = false;
	if (roll < 0.12 && habits.length > 0) {
		core = `${random.pick(habits)} ${core}`;
		usedHabit = true;
	} else if (roll < 0.4 && startsWithWords && style.leadIns.length > 0) core = `${random.pick(style.leadIns)} ${lowerFirst(core)}`;
	else if (roll < 0.55 && style.exclamations.length > 0) core = `${random.pick(style.exclamations)} ${core}`;
	else if (roll < 0.7 && startsWithWords && addressable.has(shape) && style.vocatives.length > 0)
		core = `${capitalize(random.pick(style.vocatives))}, ${lowerFirst(core)}`;
	const flourish = random.pick(voiceFlourishes(reading, message, style, { register, habits: usedHabit ? [] : habits, slots }, random));
	// Not the same words twice in one reply ("*wiggles eyebrows* … *wiggles eyebrows* How ya doin'?").
	const fresh = flourish !== undefined && !core.toLowerCase().includes(flourish.toLowerCase().split(/\s+/u).slice(0, 2).join(' '));
	return random.chance(0.6) && fresh ? `${core} ${flourish}` : core;
}

function saysNever(text: string, neverSays: readonly string[]): boolean {
	const lower = text.toLowerCase();
	return neverSays.some((phrase) =>
		new RegExp(String.raw`(?:^|[^\p{L}])${phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?:$|[^\p{L}])`, 'u').test(lower),
	);
}

function capitalize(text: string | undefined): string | undefined {
	return text === undefined ? undefined : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases a sentence's first letter unless it starts with "I" or a name-like capitalised word follows. */
function lowerFirst(text: string): string {
	if (/^I(?:\b|')/u.test(text)) return text;
	return text.charAt(0).toLowerCase() + text.slice(1);
}
