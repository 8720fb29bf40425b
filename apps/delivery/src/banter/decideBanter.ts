import { findCalledCharacters, type NamedCharacter } from '@charbot/characters';
import type { ChannelSettings } from '@charbot/stores';

/** The channel settings a banter decision reads. */
export type BanterSettings = Pick<ChannelSettings, 'mode' | 'characters' | 'banterLimit'>;

/** Everything {@link decideBanter} looks at; all plain values, so the decision is pure. */
export interface BanterInput {
	/** The whole reply just posted (every part). */
	readonly content: string;
	/** The character that posted it, and how deep in banter its reply was. */
	readonly speaker: { readonly characterId: string; readonly cascadeDepth: number };
	readonly settings: BanterSettings;
	/** Every loaded character; the channel's allowed list filters them. */
	readonly characters: readonly NamedCharacter[];
}

/** Why a banter decision came out as it did; stable identifiers for logs and counters. */
export type BanterReason = 'triggered' | 'mode-off' | 'no-characters' | 'banter-limit' | 'banter-unnamed';

/** The outcome of {@link decideBanter}: the character who answers, one level deeper, or why nobody does. */
export type BanterDecision =
	| { readonly reason: 'triggered'; readonly answer: { readonly characterId: string; readonly trigger: 'banter'; readonly cascadeDepth: number } }
	| { readonly reason: Exclude<BanterReason, 'triggered'> };

/**
 * Decides whether a character's post makes another one answer (`banter`): the first other character allowed in the
 * channel that the post names answers, one level deeper, until the channel's banter limit. Nobody answers in a channel
 * whose mode is `off`.
 */
export function decideBanter(input: BanterInput): BanterDecision {
	const { settings } = input;
	if (settings.mode === 'off') return { reason: 'mode-off' };
	const allowed = settings.characters.length === 0 ? input.characters : input.characters.filter((character) => settings.characters.includes(character.id));
	if (allowed.length === 0) return { reason: 'no-characters' };
	const cascadeDepth = input.speaker.cascadeDepth + 1;
	if (cascadeDepth > settings.banterLimit) return { reason: 'banter-limit' };
	const addressed = findCalledCharacters(input.content, allowed).find((id) => id !== input.speaker.characterId);
	return addressed === undefined ? { reason: 'banter-unnamed' } : { reason: 'triggered', answer: { characterId: addressed, trigger: 'banter', cascadeDepth } };
}
