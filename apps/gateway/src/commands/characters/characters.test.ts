import type { Persona } from '@charbot/characters';
import { describe, expect, it } from 'vitest';
import { characterChoices } from './characterChoices.js';
import { findCharacter } from './findCharacter.js';

const cast = [
	{ id: 'peter', displayName: 'Peter Griffin', aliases: ['Pete', 'Fatman'] },
	{ id: 'stewie', displayName: 'Stewie Griffin', aliases: ['Stewart'] },
	{ id: 'brian', displayName: 'Brian Griffin', aliases: [] },
] as unknown as Persona[];

describe('findCharacter', () => {
	it('finds by id, display name or alias in any case, or by an unambiguous start', () => {
		expect(findCharacter(cast, 'peter')?.id).toBe('peter');
		expect(findCharacter(cast, 'STEWIE GRIFFIN')?.id).toBe('stewie');
		expect(findCharacter(cast, 'fatman')?.id).toBe('peter');
		expect(findCharacter(cast, 'bri')?.id).toBe('brian');
		expect(findCharacter(cast, 'griffin')).toBeUndefined();
		expect(findCharacter(cast, 's')?.id).toBe('stewie');
		expect(findCharacter(cast, '  ')).toBeUndefined();
		expect(findCharacter(cast, 'lois')).toBeUndefined();
	});
});

describe('characterChoices', () => {
	it('offers starting matches first, then containing ones, valued by id', () => {
		expect(characterChoices(cast, '')).toEqual([
			{ name: 'Brian Griffin (brian)', value: 'brian' },
			{ name: 'Peter Griffin (peter)', value: 'peter' },
			{ name: 'Stewie Griffin (stewie)', value: 'stewie' },
		]);
		expect(characterChoices(cast, 'st').map((choice) => choice.value)).toEqual(['stewie']);
		expect(characterChoices(cast, 'an').map((choice) => choice.value)).toEqual(['brian', 'peter']);
		expect(characterChoices(cast, 'zzz')).toEqual([]);
	});
});
