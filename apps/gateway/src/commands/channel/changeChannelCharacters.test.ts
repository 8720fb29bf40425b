import { describe, expect, it } from 'vitest';
import { changeChannelCharacters } from './changeChannelCharacters.js';

const everyone = ['brian', 'peter', 'stewie'];

describe('changeChannelCharacters', () => {
	it('adding to "every character" starts a list of one; adding again says so', () => {
		expect(changeChannelCharacters([], everyone, 'add', 'peter')).toEqual({ ok: true, characters: ['peter'] });
		expect(changeChannelCharacters(['peter'], everyone, 'add', 'stewie')).toEqual({ ok: true, characters: ['peter', 'stewie'] });
		expect(changeChannelCharacters(['peter'], everyone, 'add', 'peter')).toEqual({ ok: false, reason: 'already' });
	});

	it('removing from "every character" lists the others; the last one cannot go', () => {
		expect(changeChannelCharacters([], everyone, 'remove', 'peter')).toEqual({ ok: true, characters: ['brian', 'stewie'] });
		expect(changeChannelCharacters(['peter', 'stewie'], everyone, 'remove', 'brian')).toEqual({ ok: false, reason: 'absent' });
		expect(changeChannelCharacters(['peter'], everyone, 'remove', 'peter')).toEqual({ ok: false, reason: 'last' });
	});
});
