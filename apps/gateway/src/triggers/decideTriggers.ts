import { findCalledCharacters } from '@charbot/characters';
import type { ChannelSettings } from '@charbot/stores';
import type { Trigger } from '@charbot/contracts';
import { pickChimingCharacter } from './pickChimingCharacter.js';
import type { TriggerCharacter } from './TriggerCharacter.js';

/** The channel settings a trigger decision reads. */
export type TriggerSettings = Pick<ChannelSettings, 'mode' | 'characters' | 'defaultCharacter' | 'talkativeness'>;

/** Everything {@link decideTriggers} looks at; all plain values, so the decision is pure. */
export interface TriggerInput {
	readonly content: string;
	readonly isDm: boolean;
	/** The bot user (or its managed role) is mentioned; a reply's automatic ping does not count. */
	readonly botMentioned: boolean;
	/** The character that posted the message this one replies to. */
	readonly replyOwner?: string | undefined;
	/** The character the member last talked to in direct messages. */
	readonly dmCharacter?: string | undefined;
	readonly settings: TriggerSettings;
	/** Every loaded character; the channel's allowed list filters them. */
	readonly characters: readonly TriggerCharacter[];
	/** The deployment's `DEFAULT_CHARACTER`. */
	readonly defaultCharacter: string;
	/** Returns a number in [0, 1); tests pass a fixed one. */
	readonly random: () => number;
	/** Most characters one message may call, so a message naming the whole cast does not fan out. */
	readonly maxCharacters: number;
}

/** One character a message concerns, and why. */
export interface TriggeredCharacter {
	readonly characterId: string;
	readonly trigger: Trigger;
	readonly cascadeDepth: number;
}

/** Why a decision came out as it did; stable identifiers for logs and counters. */
export type TriggerReason = 'triggered' | 'mode-off' | 'no-characters' | 'not-called' | 'talkativeness-missed';

/** The outcome of {@link decideTriggers}. */
export interface TriggerDecision {
	readonly triggered: readonly TriggeredCharacter[];
	readonly reason: TriggerReason;
	/** A DM named this character: remember it for the member's next DMs. */
	readonly namedDmCharacter?: string;
}

/**
 * Decides which characters a message concerns (docs/pipeline.md, step 1): a DM goes to the named character, the
 * reply owner, the member's last DM character or the default (`dm`); in a guild, the reply owner (`reply`), the
 * named characters (`name`), else a bare bot mention's default (`mention`), else in an active channel at most one
 * character by talkativeness (`active-channel`). Only characters allowed in the channel take part. (A character's own
 * post calling another one, `banter`, is decided by delivery as it posts: `decideBanter` in `apps/delivery`.)
 */
export function decideTriggers(input: TriggerInput): TriggerDecision {
	const { settings } = input;
	if (settings.mode === 'off') return none('mode-off');
	const allowed = settings.characters.length === 0 ? input.characters : input.characters.filter((character) => settings.characters.includes(character.id));
	if (allowed.length === 0) return none('no-characters');
	const allowedIds = new Set(allowed.map((character) => character.id));
	const isAllowed = (id: string | undefined): id is string => id !== undefined && allowedIds.has(id);
	const called = findCalledCharacters(input.content, allowed);

	const fallback = [settings.defaultCharacter, input.defaultCharacter].find(isAllowed) ?? (allowed[0] as TriggerCharacter).id;
	if (input.isDm) {
		const named = called[0];
		const characterId = named ?? [input.replyOwner, input.dmCharacter].find(isAllowed) ?? fallback;
		const decision = some([{ characterId, trigger: 'dm', cascadeDepth: 0 }]);
		return named === undefined ? decision : { ...decision, namedDmCharacter: named };
	}

	const triggered: TriggeredCharacter[] = [];
	const add = (characterId: string, trigger: Trigger) => {
		if (!triggered.some((entry) => entry.characterId === characterId)) triggered.push({ characterId, trigger, cascadeDepth: 0 });
	};
	if (isAllowed(input.replyOwner)) add(input.replyOwner, 'reply');
	for (const id of called) add(id, 'name');
	if (triggered.length > 0) return some(triggered.slice(0, Math.max(1, input.maxCharacters)));
	if (input.botMentioned) return some([{ characterId: fallback, trigger: 'mention', cascadeDepth: 0 }]);
	if (settings.mode !== 'active') return none('not-called');
	const chiming = pickChimingCharacter(allowed, settings.talkativeness, input.random);
	return chiming === undefined ? none('talkativeness-missed') : some([{ characterId: chiming, trigger: 'active-channel', cascadeDepth: 0 }]);
}

function none(reason: Exclude<TriggerReason, 'triggered'>): TriggerDecision {
	return { triggered: [], reason };
}

function some(triggered: TriggeredCharacter[]): TriggerDecision {
	return { triggered, reason: 'triggered' };
}
