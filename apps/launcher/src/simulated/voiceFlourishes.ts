import type { CharacterPromptReading } from './CharacterPromptReading.js';
import type { MessageShape } from './readMessageShape.js';
import type { SeededRandom } from './seededRandom.js';
import type { StylePhrases } from './sortStylePhrases.js';
import { swapPerspective } from './swapPerspective.js';
import { toFirstPerson } from './toFirstPerson.js';

/** What a flourish may draw on besides the prompt. */
export interface FlourishContext {
	readonly register: 'casual' | 'formal';
	/** Habits not used in the latest replies nor already in this one. */
	readonly habits: readonly string[];
	readonly slots: Readonly<Record<string, string | undefined>>;
}

/**
 * Sentences that can follow a reply's core to give it the persona's colour: a habit, a laugh, a short line of its
 * examples, something it loves, the lore the message touched, a remembered fact about the member, or how it sees
 * the character it is bantering with. The caller picks one.
 */
export function voiceFlourishes(
	reading: CharacterPromptReading,
	message: MessageShape,
	style: StylePhrases,
	context: FlourishContext,
	random: SeededRandom,
): string[] {
	const formal = context.register === 'formal';
	// One of each kind, so a persona with many habits or likes does not say them in every message.
	const flourishes: string[] = [];
	const habit = random.chance(0.5) ? random.pick(context.habits) : undefined;
	const laugh = random.pick(style.laughs);
	// Some example lines only make sense where they were said, so they are offered least.
	const bit = random.chance(0.5) ? random.pick(reading.exampleBits) : undefined;
	const like = random.pick(reading.likes);
	const likeFrames = formal
		? [`It puts me in mind of ${like}, oddly.`, `I would much rather discuss ${like}.`]
		: [`Reminds me of ${like}, somehow.`, `Anyway, enough about that. Let's talk about ${like}.`];
	for (const flourish of [habit, laugh, bit, like === undefined ? undefined : random.pick(likeFrames)]) if (flourish !== undefined) flourishes.push(flourish);
	const lore = reading.lore.map((line) => toFirstPerson(line, reading.names, reading.pronoun)).filter((line) => line !== undefined);
	// Lore is there because the message touched it: said twice, it is the likelier flourish.
	for (const line of lore) {
		const said = formal ? `${line}, I'll have you know.` : `${line}, by the way.`;
		flourishes.push(said, said);
	}
	const fact = reading.facts[0];
	if (fact !== undefined && message.shape !== 'remember' && message.shape !== 'recall' && random.chance(0.5)) {
		const yours = swapPerspective(fact);
		flourishes.push(formal ? `And ${yours}; I haven't forgotten.` : `Oh, and ${yours}. See? I remember stuff.`);
	}
	if (message.shape === 'banter' && context.slots.View !== undefined) flourishes.push(`${context.slots.View}, that one.`, `${context.slots.View}, honestly.`);
	return flourishes;
}
