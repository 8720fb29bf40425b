import type { TriggerCharacter } from './TriggerCharacter.js';

/**
 * Picks at most one character to chime in, from one random draw: each character's chance is its talkativeness
 * times the channel's multiplier (capped at 1). When the chances add up to more than 1 someone always speaks,
 * each in proportion to its chance.
 */
export function pickChimingCharacter(characters: readonly TriggerCharacter[], multiplier: number, random: () => number): string | undefined {
	const chances = characters.map((character) => ({ id: character.id, chance: Math.min(1, Math.max(0, character.talkativeness * multiplier)) }));
	const total = chances.reduce((sum, entry) => sum + entry.chance, 0);
	if (total <= 0) return undefined;
	const scale = Math.max(1, total);
	const draw = random();
	let cumulative = 0;
	for (const entry of chances) {
		cumulative += entry.chance / scale;
		if (draw < cumulative) return entry.id;
	}
	return undefined;
}
