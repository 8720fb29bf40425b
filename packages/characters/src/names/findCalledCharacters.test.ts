import { describe, expect, it } from 'vitest';
import { findCalledCharacters, type NamedCharacter } from './findCalledCharacters.js';

const cast: NamedCharacter[] = [
	{ id: 'peter', displayName: 'Peter Griffin', aliases: ['Peter', 'Pete', 'Mr. Griffin'] },
	{ id: 'stewie', displayName: 'Stewie Griffin', aliases: ['Stewie'] },
	{ id: 'lois', displayName: 'Lois Griffin', aliases: ['Lois', 'Mrs. Griffin'] },
	{ id: 'zoe', displayName: 'Zoë', aliases: ['Зоя'] },
];

describe('findCalledCharacters', () => {
	it('finds names and aliases in order of appearance, in any letter case', () => {
		expect(findCalledCharacters('Stewie, what do you think?', cast)).toEqual(['stewie']);
		expect(findCalledCharacters('LOIS and pete, stop it', cast)).toEqual(['lois', 'peter']);
		expect(findCalledCharacters("Ask Peter's wife, Mrs. Griffin, or Stewie", cast)).toEqual(['peter', 'lois', 'stewie']);
		expect(findCalledCharacters('hey @stewie!!', cast)).toEqual(['stewie']);
	});

	it('matches whole words only, with Unicode letters', () => {
		expect(findCalledCharacters('Peterson and Petey and Stewies', cast)).toEqual([]);
		expect(findCalledCharacters('Mrs. Griffin', cast)).toEqual(['lois']);
		expect(findCalledCharacters('ZOË? привет, Зоя!', cast)).toEqual(['zoe']);
		expect(findCalledCharacters('Зоял', cast)).toEqual([]);
		expect(findCalledCharacters('Zoëlle', cast)).toEqual([]);
	});

	it('ignores names in code, mentions, emoji and links', () => {
		const text = [
			'`peter` ```\nStewie\n```',
			'<@123456789012345678> <#123456789012345678> <:peter:123456789012345678>',
			'https://example.com/peter/stewie <https://lois.example>',
			'then Lois',
		].join(' ');
		expect(findCalledCharacters(text, cast)).toEqual(['lois']);
	});

	it('tolerates extra whitespace inside a multi-word name', () => {
		expect(findCalledCharacters('Peter\n  Griffin!', cast)).toEqual(['peter']);
	});

	it('returns nothing for an empty cast or text', () => {
		expect(findCalledCharacters('Peter', [])).toEqual([]);
		expect(findCalledCharacters('', cast)).toEqual([]);
	});
});
