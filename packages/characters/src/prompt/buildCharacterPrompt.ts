import type { Persona } from '../persona/personaSchema.js';
import { buildSystemCore } from './buildSystemCore.js';
import type { ChatMessage } from '@charbot/core';
import { imageTokens, messageOverheadTokens } from './estimateTokens.js';
import { neutralizeTemplateTokens } from './neutralizeTemplateTokens.js';
import type { PromptMessage } from './PromptMessage.js';
import { presentRejectedAttempts } from './presentRejectedAttempts.js';
import { presentRelationships } from './presentRelationships.js';
import { PromptTexts } from './promptTexts.js';
import type { PromptRegeneration } from './RejectedAttempt.js';
import { renderPersonaTexts } from './renderPersonaTexts.js';
import { sanitizeSpeakerName } from './sanitizeSpeakerName.js';
import { selectLoreEntries } from './selectLoreEntries.js';
import { TokenBudget } from './TokenBudget.js';

/** Everything {@link buildCharacterPrompt} needs. */
export interface CharacterPromptInput {
	readonly persona: Persona;
	/** The message to answer; the last `user` turn but for {@link CharacterPromptInput.answersSoFar}. */
	readonly trigger: PromptMessage;
	/** Channel messages before the trigger, oldest first. */
	readonly history?: readonly PromptMessage[];
	/** What other characters addressed with this one already answered to the trigger, in order; shown after it. */
	readonly answersSoFar?: readonly PromptMessage[];
	/** The other characters, to name them and to notice who is being talked about. */
	readonly cast?: readonly Persona[];
	/** Facts remembered about the trigger's author; shown as quoted data in the system message. */
	readonly userFacts?: readonly string[];
	/** The trigger's author as they describe themselves (`/persona`): the name becomes `{{user}}`, the description quoted data. */
	readonly member?: PromptMemberPersona;
	/** The model's context window in tokens. */
	readonly contextTokens?: number;
	/** Tokens kept free for the reply; defaults to the persona's `generation.maxTokens`, else 500. */
	readonly reserveForReply?: number;
	/** Longest reply the character is asked for, in characters. */
	readonly maxReplyChars?: number;
	/** For a regeneration: the rejected attempts, quoted in a `user` turn before the trigger, and a final system message asking for a new reply. */
	readonly regeneration?: PromptRegeneration;
}

/** A member's own persona as a prompt uses it. */
export interface PromptMemberPersona {
	readonly name: string;
	readonly description?: string | undefined;
}

/** Defaults of {@link CharacterPromptInput}. */
export const DefaultCharacterPromptOptions = {
	contextTokens: 4096,
	reserveForReply: 500,
	maxReplyChars: 1200,
} as const satisfies Required<Pick<CharacterPromptInput, 'contextTokens' | 'reserveForReply' | 'maxReplyChars'>>;

/** An assembled prompt and what had to be left out to fit it. */
export interface CharacterPrompt {
	readonly messages: ChatMessage[];
	/** Estimated prompt tokens (see `estimateTokens`), four per message for the template included. */
	readonly tokenEstimate: number;
	/** `contextTokens - reserveForReply`. */
	readonly budget: number;
	/** How many example dialogues, history messages and active lore entries were left out. */
	readonly dropped: { readonly examples: number; readonly history: number; readonly lore: number };
	/** Whether the triggering message alone was too long and was cut. */
	readonly truncatedTrigger: boolean;
}

/** Shortest the triggering message is ever cut to, even when the budget is already spent. */
const minimumTriggerChars = 200;

/**
 * Builds the Ollama chat messages for one character reply: a system message (opening, house rules, persona,
 * scenario, relationships, the member's own description and remembered facts, lore, examples), the channel history (the character's own lines as
 * `assistant`, everyone else's as `user` prefixed with their name), for a regeneration a `user` turn quoting the
 * rejected attempts, the trigger as the last `user` turn (followed only by what characters addressed with this one
 * already answered to it), then the post-history instructions and, for a regeneration, a request for a new reply as
 * system messages. Member and model text reaches the system message only as quoted data, and every piece of text,
 * persona and card text included, goes through `neutralizeTemplateTokens`. To fit `contextTokens - reserveForReply`,
 * examples go first, then the oldest history, then lore; the system core and the review notes never go, and the trigger
 * is cut only when it alone does not fit.
 */
export function buildCharacterPrompt(input: CharacterPromptInput): CharacterPrompt {
	const { persona } = input;
	const contextTokens = input.contextTokens ?? DefaultCharacterPromptOptions.contextTokens;
	const reserveForReply = input.reserveForReply ?? persona.generation.maxTokens ?? DefaultCharacterPromptOptions.reserveForReply;
	const maxReplyChars = input.maxReplyChars ?? DefaultCharacterPromptOptions.maxReplyChars;
	assertOptions(contextTokens, reserveForReply, maxReplyChars);
	const history = input.history ?? [];
	const cast = (input.cast ?? []).filter((other) => other.id !== persona.id);
	const characterNames = [persona, ...cast].flatMap((character) => [character.displayName, ...character.aliases]);
	// A channel's history repeats a handful of speakers: each is cleaned once per prompt.
	const speakerNames = new Map<string, string>();
	const speakerName = (message: PromptMessage): string => {
		const key = message.characterId === undefined ? `member\n${message.authorName}` : `character\n${message.characterId}\n${message.authorName}`;
		let name = speakerNames.get(key);
		if (name === undefined) {
			const character = message.characterId === undefined ? undefined : cast.find((other) => other.id === message.characterId);
			name = neutralizeTemplateTokens(
				character?.displayName ?? sanitizeSpeakerName(message.authorName, message.characterId === undefined ? characterNames : []),
			);
			speakerNames.set(key, name);
		}
		return name;
	};
	// A member's chosen name stands in for {{user}} only after the same cleaning as a speaker prefix (no colons, newlines
	// or markup, at most 32 characters), so it cannot pose as a rule or a role in the system message.
	const userName = input.member === undefined ? PromptTexts.userStandIn : sanitizeSpeakerName(input.member.name, characterNames);
	// Persona and card text is untrusted too (an imported card is anyone's text): rendered defused, once per character.
	const texts = renderPersonaTexts(persona, { char: persona.displayName, user: userName }, maxReplyChars);
	const asUserTurn = (message: PromptMessage): ChatMessage => ({
		role: 'user',
		content: `${speakerName(message)}: ${neutralizeTemplateTokens(message.content.trim() || '(no text)')}`,
		...(message.images?.length ? { images: message.images } : {}),
	});
	const toTurn = (message: PromptMessage): ChatMessage =>
		message.characterId === persona.id ? { role: 'assistant', content: neutralizeTemplateTokens(message.content) } : asUserTurn(message);

	const answersSoFar = input.answersSoFar ?? [];
	const relationships = presentRelationships(persona, [...history, input.trigger, ...answersSoFar], cast, speakerName);
	const core = buildSystemCore({
		texts,
		relationships,
		userFacts: input.userFacts ?? [],
		...(input.member?.description === undefined ? {} : { memberDescription: input.member.description }),
	});
	const scanned = [...history, input.trigger].slice(-(persona.lorebook?.scanDepth ?? 4)).map((message) => message.content);
	const lore = selectLoreEntries(persona.lorebook, scanned);
	const loreItems = lore.entries.map(texts.loreItem);
	const exampleItems = texts.examples;
	const tail: ChatMessage[] = [{ role: 'system', content: texts.postHistory }];
	const regeneration = input.regeneration === undefined ? undefined : presentRejectedAttempts(input.regeneration);
	if (regeneration !== undefined) tail.push(regeneration.instruction);

	const budget = new TokenBudget(contextTokens - reserveForReply);
	budget.spend(TokenBudget.messageCost({ role: 'system', content: core }));
	for (const message of tail) budget.spend(TokenBudget.messageCost(message));
	if (regeneration !== undefined) budget.spend(TokenBudget.messageCost(regeneration.notes));
	const fullTrigger = asUserTurn(input.trigger);
	const trigger = fitTrigger(fullTrigger, budget.remaining);
	budget.spend(TokenBudget.messageCost(trigger));
	// The answers right after the trigger go before older history, newest kept first, like history itself.
	const keptAnswers = budget.takeNewest(answersSoFar.map(toTurn));
	const keptLore = budget.takeSectionItems(texts.loreHeading, loreItems, 'skip');
	const historyTurns = history.map(toTurn);
	const keptHistory = budget.takeNewest(historyTurns);
	const keptExamples = budget.takeSectionItems(texts.examplesHeading, exampleItems, 'stop');

	const sections = [core];
	if (keptLore.length > 0) sections.push([texts.loreHeading, ...keptLore].join('\n'));
	if (keptExamples.length > 0) sections.push([texts.examplesHeading, ...keptExamples].join('\n'));
	const notes = regeneration === undefined ? [] : [regeneration.notes];
	const messages: ChatMessage[] = [{ role: 'system', content: sections.join('\n\n') }, ...keptHistory, ...notes, trigger, ...keptAnswers, ...tail];
	return {
		messages,
		tokenEstimate: messages.reduce((total, message) => total + TokenBudget.messageCost(message), 0),
		budget: contextTokens - reserveForReply,
		dropped: {
			examples: exampleItems.length - keptExamples.length,
			history: historyTurns.length - keptHistory.length + answersSoFar.length - keptAnswers.length,
			lore: lore.dropped + loreItems.length - keptLore.length,
		},
		truncatedTrigger: trigger !== fullTrigger,
	};
}

/** The trigger turn as it is, or cut (keeping its start and the speaker prefix) to what the budget has left. */
function fitTrigger(turn: ChatMessage, remaining: number): ChatMessage {
	if (TokenBudget.messageCost(turn) <= remaining) return turn;
	const maxChars = Math.max(minimumTriggerChars, (remaining - messageOverheadTokens - (turn.images?.length ?? 0) * imageTokens) * 4);
	if (turn.content.length <= maxChars) return turn;
	let cut = '';
	for (const character of turn.content) {
		if (cut.length + character.length > maxChars - 1) break;
		cut += character;
	}
	return { ...turn, content: `${cut}…` };
}

function assertOptions(contextTokens: number, reserveForReply: number, maxReplyChars: number): void {
	if (!Number.isInteger(contextTokens) || contextTokens < 256)
		throw new RangeError(`contextTokens must be a whole number of at least 256, got ${contextTokens}`);
	if (!Number.isInteger(reserveForReply) || reserveForReply < 0 || reserveForReply >= contextTokens) {
		throw new RangeError(`reserveForReply must be a whole number from 0 to less than contextTokens (${contextTokens}), got ${reserveForReply}`);
	}
	if (!Number.isInteger(maxReplyChars) || maxReplyChars < 1) throw new RangeError(`maxReplyChars must be a whole number of at least 1, got ${maxReplyChars}`);
}
