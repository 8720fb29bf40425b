import { loadCharacters } from '@charbot/characters';
import { resolveFromRoot } from '@charbot/core';
import { DefaultChannelSettings } from '@charbot/stores';
import { describe, expect, it } from 'vitest';
import { buildScoreInput } from './buildScoreInput.js';
import { scoreReply } from './scoreReply.js';

const { characters } = await loadCharacters(resolveFromRoot('characters'));
const cast = characters.map((entry) => entry.persona);
const peter = cast.find((persona) => persona.id === 'peter');
if (peter === undefined) throw new Error('the shipped characters have no peter');

const scoreAs = (persona: typeof peter, reply: string) => scoreReply(buildScoreInput({ reply, persona, cast, settings: DefaultChannelSettings, history: [] }));

describe('buildScoreInput', () => {
	it('reuses one character object per persona and reply limit, so scorers can keep what they derive from it', () => {
		const input = (maxReplyChars: number) =>
			buildScoreInput({ reply: 'Heh.', persona: peter, cast, settings: { ...DefaultChannelSettings, maxReplyChars }, history: [] });
		expect(input(1500).character).toBe(input(1500).character);
		expect(input(1500).otherVoices[0]).toBe(input(1500).otherVoices[0]);
		expect(input(900).character).not.toBe(input(1500).character);
		expect(input(900).character.promptTexts.fixed.join(' ')).toContain('900');
	});

	it("scores against a reloaded persona's new card, not the one cached for the old", () => {
		const card = 'Peter keeps a secret collection of antique spoons hidden behind the water heater in the basement.';
		const reloaded = { ...peter, description: card };
		const echo = `Fun fact: ${card}`;
		expect(scoreAs(peter, echo).findings.map((finding) => finding.kind)).not.toContain('prompt-echo');
		expect(scoreAs(reloaded, echo).findings.map((finding) => finding.kind)).toContain('prompt-echo');
		expect(scoreAs(peter, echo).findings.map((finding) => finding.kind)).not.toContain('prompt-echo');
	});
});
