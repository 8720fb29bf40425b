import { DefaultChannelSettings } from '@charbot/stores';
import { describe, expect, it } from 'vitest';
import { type BanterInput, decideBanter } from './decideBanter.js';

const cast = [
	{ id: 'brian', displayName: 'Brian Griffin', aliases: ['Brian'] },
	{ id: 'peter', displayName: 'Peter Griffin', aliases: ['Peter', 'Pete'] },
	{ id: 'stewie', displayName: 'Stewie Griffin', aliases: ['Stewie'] },
];

const decide = (changes: Partial<BanterInput> & Pick<BanterInput, 'content' | 'speaker'>, settings: Partial<BanterInput['settings']> = {}) =>
	decideBanter({ characters: cast, ...changes, settings: { ...DefaultChannelSettings, characters: [], ...settings } });

describe('decideBanter', () => {
	it('lets the character named by another answer, one step deeper', () => {
		expect(decide({ content: 'Brian, fetch my ray gun.', speaker: { characterId: 'stewie', cascadeDepth: 0 } })).toEqual({
			reason: 'triggered',
			answer: { characterId: 'brian', trigger: 'banter', cascadeDepth: 1 },
		});
	});

	it('skips the speaker naming itself and answers only the first other character', () => {
		const decision = decide({ content: 'Stewie Griffin here. Peter, Brian: kneel.', speaker: { characterId: 'stewie', cascadeDepth: 1 } });
		expect(decision).toEqual({ reason: 'triggered', answer: { characterId: 'peter', trigger: 'banter', cascadeDepth: 2 } });
		expect(decide({ content: 'As Stewie I decree it.', speaker: { characterId: 'stewie', cascadeDepth: 0 } }).reason).toBe('banter-unnamed');
	});

	it('stops at the channel banter limit', () => {
		const speaker = (cascadeDepth: number) => ({ characterId: 'stewie', cascadeDepth });
		expect(decide({ content: 'Brian!', speaker: speaker(2) }, { banterLimit: 3 })).toMatchObject({ answer: { cascadeDepth: 3 } });
		expect(decide({ content: 'Brian!', speaker: speaker(3) }, { banterLimit: 3 })).toEqual({ reason: 'banter-limit' });
		expect(decide({ content: 'Brian!', speaker: speaker(0) }, { banterLimit: 0 }).reason).toBe('banter-limit');
	});

	it('never lets a character chime in unnamed, even in an active channel', () => {
		expect(decide({ content: 'nothing to see', speaker: { characterId: 'peter', cascadeDepth: 0 } }, { mode: 'active' })).toEqual({
			reason: 'banter-unnamed',
		});
	});

	it('lets only allowed characters banter, and nobody in a channel whose mode is off', () => {
		expect(decide({ content: 'Brian!', speaker: { characterId: 'stewie', cascadeDepth: 0 } }, { characters: ['stewie', 'peter'] }).reason).toBe(
			'banter-unnamed',
		);
		expect(decide({ content: 'Brian!', speaker: { characterId: 'stewie', cascadeDepth: 0 } }, { mode: 'off' }).reason).toBe('mode-off');
	});
});
