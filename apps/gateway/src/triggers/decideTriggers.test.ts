import { DefaultChannelSettings } from '@charbot/stores';
import { describe, expect, it } from 'vitest';
import { decideTriggers, type TriggerInput } from './decideTriggers.js';
import { pickChimingCharacter } from './pickChimingCharacter.js';
import type { TriggerCharacter } from './TriggerCharacter.js';

const cast: TriggerCharacter[] = [
	{ id: 'brian', displayName: 'Brian Griffin', aliases: ['Brian'], talkativeness: 0.2 },
	{ id: 'peter', displayName: 'Peter Griffin', aliases: ['Peter', 'Pete'], talkativeness: 0.3 },
	{ id: 'stewie', displayName: 'Stewie Griffin', aliases: ['Stewie'], talkativeness: 0.4 },
];

const base: TriggerInput = {
	content: 'hello there',
	isDm: false,
	botMentioned: false,
	settings: { ...DefaultChannelSettings, characters: [] },
	characters: cast,
	defaultCharacter: 'peter',
	random: () => 0.5,
	maxCharacters: 3,
};

const decide = (changes: Partial<TriggerInput>, settings: Partial<TriggerInput['settings']> = {}) =>
	decideTriggers({ ...base, ...changes, settings: { ...base.settings, ...settings } });

describe('decideTriggers in a guild channel', () => {
	it('answers a bare bot mention with the channel default, else DEFAULT_CHARACTER', () => {
		expect(decide({ botMentioned: true }).triggered).toEqual([{ characterId: 'peter', trigger: 'mention', cascadeDepth: 0 }]);
		expect(decide({ botMentioned: true }, { defaultCharacter: 'stewie' }).triggered).toEqual([{ characterId: 'stewie', trigger: 'mention', cascadeDepth: 0 }]);
	});

	it('falls back to the first allowed character when the defaults are not allowed here', () => {
		expect(decide({ botMentioned: true }, { characters: ['stewie', 'brian'], defaultCharacter: 'peter' }).triggered[0]?.characterId).toBe('brian');
	});

	it('calls each named character, in order of appearance', () => {
		expect(decide({ content: 'Stewie and Brian, what is the plan?' }).triggered).toEqual([
			{ characterId: 'stewie', trigger: 'name', cascadeDepth: 0 },
			{ characterId: 'brian', trigger: 'name', cascadeDepth: 0 },
		]);
	});

	it('prefers a name over a bare mention', () => {
		expect(decide({ content: '<@123456789012345678> Stewie?', botMentioned: true }).triggered).toEqual([
			{ characterId: 'stewie', trigger: 'name', cascadeDepth: 0 },
		]);
	});

	it('sends a reply to the character who wrote the replied-to message, first and once', () => {
		expect(decide({ replyOwner: 'peter', content: 'and you, Pete, and Brian?' }).triggered).toEqual([
			{ characterId: 'peter', trigger: 'reply', cascadeDepth: 0 },
			{ characterId: 'brian', trigger: 'name', cascadeDepth: 0 },
		]);
	});

	it('caps how many characters one message calls', () => {
		expect(decide({ content: 'Brian, Peter, Stewie!', maxCharacters: 2 }).triggered.map((entry) => entry.characterId)).toEqual(['brian', 'peter']);
	});

	it('only lets allowed characters answer', () => {
		const decision = decide({ content: 'Stewie and Brian?', replyOwner: 'peter' }, { characters: ['brian'] });
		expect(decision.triggered).toEqual([{ characterId: 'brian', trigger: 'name', cascadeDepth: 0 }]);
		expect(decide({ content: 'Stewie?' }, { characters: ['brian'] })).toEqual({ triggered: [], reason: 'not-called' });
		expect(decide({ content: 'Stewie?' }, { characters: ['nobody-loaded'] })).toEqual({ triggered: [], reason: 'no-characters' });
	});

	it('does nothing in a channel whose mode is off, however it is called', () => {
		expect(decide({ content: 'Stewie?', botMentioned: true, replyOwner: 'peter' }, { mode: 'off' })).toEqual({ triggered: [], reason: 'mode-off' });
		expect(decide({ isDm: true }, { mode: 'off' }).reason).toBe('mode-off');
	});

	it('stays quiet in a mention-only channel when nobody is called', () => {
		expect(decide({ random: () => 0 }, { mode: 'mention-only', talkativeness: 5 })).toEqual({ triggered: [], reason: 'not-called' });
	});
});

describe('decideTriggers in an active channel', () => {
	it('lets at most one character chime in, by talkativeness times the channel multiplier', () => {
		// Bands with multiplier 1: brian [0, 0.2), peter [0.2, 0.5), stewie [0.5, 0.9).
		expect(decide({ random: () => 0.1 }, { mode: 'active' }).triggered).toEqual([{ characterId: 'brian', trigger: 'active-channel', cascadeDepth: 0 }]);
		expect(decide({ random: () => 0.45 }, { mode: 'active' }).triggered).toEqual([{ characterId: 'peter', trigger: 'active-channel', cascadeDepth: 0 }]);
		expect(decide({ random: () => 0.95 }, { mode: 'active' })).toEqual({ triggered: [], reason: 'talkativeness-missed' });
	});

	it('never chimes in with a multiplier of 0, and always with a high one', () => {
		expect(decide({ random: () => 0 }, { mode: 'active', talkativeness: 0 }).reason).toBe('talkativeness-missed');
		expect(decide({ random: () => 0.999 }, { mode: 'active', talkativeness: 5 }).triggered).toHaveLength(1);
	});

	it('still answers calls before rolling', () => {
		expect(decide({ content: 'Peter?', random: () => 0 }, { mode: 'active' }).triggered).toEqual([{ characterId: 'peter', trigger: 'name', cascadeDepth: 0 }]);
		expect(decide({ botMentioned: true, random: () => 0 }, { mode: 'active' }).triggered[0]?.trigger).toBe('mention');
	});

	it('rolls only among allowed characters', () => {
		expect(decide({ random: () => 0 }, { mode: 'active', characters: ['stewie'] }).triggered[0]?.characterId).toBe('stewie');
	});
});

describe('pickChimingCharacter', () => {
	it('gives each character its own chance when the chances fit under 1', () => {
		const counts = new Map<string, number>();
		for (let step = 0; step < 1000; step++) {
			const id = pickChimingCharacter(cast, 1, () => step / 1000) ?? 'nobody';
			counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		expect(Object.fromEntries(counts)).toEqual({ brian: 200, peter: 300, stewie: 400, nobody: 100 });
	});

	it('shares out proportionally when the chances add up past 1', () => {
		// Multiplier 2: chances 0.4, 0.6, 0.8 (sum 1.8).
		expect(pickChimingCharacter(cast, 2, () => 0.2)).toBe('brian');
		expect(pickChimingCharacter(cast, 2, () => 0.3)).toBe('peter');
		expect(pickChimingCharacter(cast, 2, () => 0.99)).toBe('stewie');
	});
});

describe('decideTriggers in direct messages', () => {
	it('answers with the named character and asks to remember it', () => {
		expect(decide({ isDm: true, content: 'Stewie, are you there?', dmCharacter: 'brian' })).toEqual({
			triggered: [{ characterId: 'stewie', trigger: 'dm', cascadeDepth: 0 }],
			reason: 'triggered',
			namedDmCharacter: 'stewie',
		});
	});

	it('answers with the last DM character when nobody is named, else the default', () => {
		expect(decide({ isDm: true, dmCharacter: 'brian' })).toEqual({
			triggered: [{ characterId: 'brian', trigger: 'dm', cascadeDepth: 0 }],
			reason: 'triggered',
		});
		expect(decide({ isDm: true }).triggered).toEqual([{ characterId: 'peter', trigger: 'dm', cascadeDepth: 0 }]);
		expect(decide({ isDm: true, dmCharacter: 'removed-character' }).triggered[0]?.characterId).toBe('peter');
	});

	it('answers a reply to a character in DMs with that character', () => {
		expect(decide({ isDm: true, replyOwner: 'stewie', dmCharacter: 'brian' }).triggered[0]?.characterId).toBe('stewie');
	});

	it('answers only one character even when several are named', () => {
		expect(decide({ isDm: true, content: 'Brian or Peter?' }).triggered).toEqual([{ characterId: 'brian', trigger: 'dm', cascadeDepth: 0 }]);
	});
});
