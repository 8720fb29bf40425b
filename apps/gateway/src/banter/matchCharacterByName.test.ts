import { describe, expect, it } from 'vitest';
import { matchCharacterByName } from './matchCharacterByName.js';

const cast = [
	{ id: 'peter', displayName: 'Peter Griffin', aliases: ['Peter'] },
	{ id: 'stewie', displayName: 'Stewie Griffin', aliases: ['Stewie'] },
	{ id: 'twin-a', displayName: 'Twin', aliases: [] },
	{ id: 'twin-b', displayName: 'Other', aliases: ['twin'] },
];

describe('matchCharacterByName', () => {
	it('matches a webhook name to a display name or alias', () => {
		expect(matchCharacterByName('Stewie Griffin', cast)).toBe('stewie');
		expect(matchCharacterByName('  peter\u200b  griffin ', cast)).toBe('peter');
		expect(matchCharacterByName('PETER', cast)).toBe('peter');
	});

	it('refuses unknown and ambiguous names', () => {
		expect(matchCharacterByName('Brian Griffin', cast)).toBeUndefined();
		expect(matchCharacterByName('Twin', cast)).toBeUndefined();
		expect(matchCharacterByName('\u200b', cast)).toBeUndefined();
	});
});
