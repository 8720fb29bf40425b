import { describe, expect, it } from 'vitest';
import { makeSloppy } from './makeSloppy.js';
import { readPromptFacts } from './readPromptFacts.js';
import { removableSloppyKinds, type SloppyKind, sloppyKinds } from './sloppyKinds.js';

const reply = 'Holy crap, Lois, the sink is fine!';
const peter = readPromptFacts([
	{
		role: 'system',
		content: [
			"You are Peter Griffin, chatting with people in a Discord server. Write Peter Griffin's next message in the conversation.",
			'',
			'About Peter Griffin:',
			'Peter Griffin is a loud dad.',
			'Personality: Impulsive, loud, childish.',
			'How Peter Griffin talks: Loud and rambling.',
		].join('\n'),
	},
	{ role: 'user', content: 'Lois Griffin: Peter, the sink is leaking.' },
	{ role: 'user', content: 'Dave: Peter, what do you think?' },
]);
const nobody = readPromptFacts([{ role: 'user', content: 'hello there' }]);
const seeds = Array.from({ length: 200 }, (_, index) => index * 7919 + 1);
const sloppyTexts = (kind: SloppyKind, facts = peter) => seeds.map((seed) => makeSloppy(reply, { kind, seed, facts }));

describe('makeSloppy', () => {
	it('produces every kind, with the fragment where it says and the kind named', () => {
		for (const kind of sloppyKinds) {
			for (const sloppy of sloppyTexts(kind)) {
				expect(sloppy.kind).toBe(kind);
				expect(sloppy.fragment.trim()).not.toBe('');
				expect(sloppy.text.slice(sloppy.fragmentAt, sloppy.fragmentAt + sloppy.fragment.length)).toBe(sloppy.fragment);
				expect(sloppy.text).not.toBe(reply);
			}
		}
	});

	it('keeps the reply intact inside removable kinds, beside the fragment', () => {
		for (const kind of removableSloppyKinds) {
			for (const sloppy of sloppyTexts(kind)) {
				const at = sloppy.text.indexOf(reply);
				expect(at, `${kind}: ${sloppy.text}`).toBeGreaterThanOrEqual(0);
				const overlaps = sloppy.fragmentAt < at + reply.length && at < sloppy.fragmentAt + sloppy.fragment.length;
				expect(overlaps).toBe(false);
			}
		}
	});

	it('replaces the reply in refusal, assistant-format and wiki-voice', () => {
		for (const kind of ['refusal', 'assistant-format', 'wiki-voice'] as const) {
			for (const sloppy of sloppyTexts(kind)) expect(sloppy.text).not.toContain(reply);
		}
	});

	it('has several templates per kind', () => {
		for (const kind of sloppyKinds) {
			expect(new Set(sloppyTexts(kind).map((sloppy) => sloppy.text)).size, kind).toBeGreaterThanOrEqual(4);
		}
	});

	it('uses every template token family, sometimes with a made-up next user turn', () => {
		const texts = sloppyTexts('template-tokens');
		expect(new Set(texts.map((sloppy) => sloppy.fragment))).toEqual(
			new Set(['<|im_end|>', '<|eot_id|>', '</s>', '[/INST]', '<end_of_turn>', '<|end|>', '<｜end▁of▁sentence｜>', '### Response:']),
		);
		expect(texts.some((sloppy) => sloppy.text.includes('Dave: '))).toBe(true);
	});

	it('personalizes with the names in the prompt', () => {
		expect(sloppyTexts('assistant-frame').every((sloppy) => sloppy.fragment.includes('Peter'))).toBe(true);
		expect(new Set(sloppyTexts('own-label').map((sloppy) => sloppy.fragment))).toEqual(
			new Set(['Peter Griffin:', '**Peter:**', 'Peter:', '**Peter Griffin**:']),
		);
		const script = sloppyTexts('script');
		expect(script.every((sloppy) => sloppy.fragment.startsWith('Dave: '))).toBe(true);
		expect(script.some((sloppy) => sloppy.text.includes('\nLois Griffin: '))).toBe(true);
		expect(script.some((sloppy) => sloppy.text.includes('\nPeter: '))).toBe(true);
		expect(sloppyTexts('wiki-voice').every((sloppy) => sloppy.text.includes('Peter'))).toBe(true);
		expect(sloppyTexts('prompt-echo').map((sloppy) => sloppy.fragment)).toContain('Personality: Impulsive, loud, childish.');
	});

	it('falls back to "the character" and "User" when the prompt names nobody', () => {
		expect(sloppyTexts('assistant-frame', nobody).every((sloppy) => sloppy.fragment.includes('the character'))).toBe(true);
		expect(sloppyTexts('script', nobody).every((sloppy) => sloppy.fragment.startsWith('User: '))).toBe(true);
		expect(sloppyTexts('wiki-voice', nobody).some((sloppy) => sloppy.text.startsWith('The character is a fictional character'))).toBe(true);
		expect(sloppyTexts('prompt-echo', nobody).every((sloppy) => sloppy.text.startsWith('hello there'))).toBe(true);
	});

	it('is deterministic for a seed and varies with it', () => {
		for (const kind of sloppyKinds) {
			expect(makeSloppy(reply, { kind, seed: 42, facts: peter })).toEqual(makeSloppy(reply, { kind, seed: 42, facts: peter }));
		}
		const texts = seeds.slice(0, 10).map((seed) => makeSloppy(reply, { kind: 'refusal', seed, facts: peter }).text);
		expect(new Set(texts).size).toBeGreaterThan(1);
	});
});
