import { describe, expect, it } from 'vitest';
import { CardImportError } from './CardImportError.js';
import { cardExtensionKey } from './cardToPersona.js';
import { encodePngWithCard } from './encodePngWithCard.js';
import { importCard } from './importCard.js';

const v2Card = {
	spec: 'chara_card_v2',
	spec_version: '2.0',
	// V2 writers repeat the V1 fields at the top level; these copies must not end up in the persona.
	name: 'Captain Nemo',
	description: 'old copy',
	data: {
		name: 'Captain Nemo',
		description: '{{char}} commands the submarine Nautilus and distrusts every government on land.',
		personality: 'brooding, brilliant, proud',
		scenario: '{{user}} has been rescued from the sea and brought aboard.',
		first_mes: 'Welcome aboard the Nautilus, {{user}}.',
		mes_example:
			'<START>\n{{user}}: Where are we going?\n{{char}}: Wherever the sea is free.\n<START>\n<USER>: Who are you?\n<BOT>: A man with no country.\nI answer to the ocean alone.\n{{user}}: And me?\n',
		creator_notes: 'Public domain character. Do not put this in prompts.',
		system_prompt: '{{original}} Write in a Victorian register.',
		post_history_instructions: '',
		alternate_greetings: ['The organ falls silent as you enter.'],
		tags: ['classic', 'sea', ' classic '],
		creator: 'someone',
		character_version: '1.2',
		extensions: { talkativeness: '0.4', fav: false, depth_prompt: { depth: 4, prompt: 'x' } },
	},
};

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

function importError(bytes: Uint8Array): CardImportError {
	try {
		importCard(bytes, { source: 'card.bin' });
	} catch (error) {
		if (error instanceof CardImportError) return error;
		throw error;
	}
	throw new Error('expected a CardImportError');
}

describe('importCard', () => {
	it('maps a V2 card onto a persona, keeping macros for prompt time', () => {
		const { persona, version, container } = importCard(json(v2Card), { source: 'nemo.json' });
		expect([version, container]).toEqual([2, 'json']);
		expect(persona).toMatchObject({
			id: 'captain-nemo',
			displayName: 'Captain Nemo',
			description: '{{char}} commands the submarine Nautilus and distrusts every government on land.',
			personality: 'brooding, brilliant, proud',
			scenario: '{{user}} has been rescued from the sea and brought aboard.',
			greetings: ['Welcome aboard the Nautilus, {{user}}.', 'The organ falls silent as you enter.'],
			systemPrompt: '{{original}} Write in a Victorian register.',
			creatorNotes: 'Public domain character. Do not put this in prompts.',
			tags: ['classic', 'sea'],
			talkativeness: 0.4,
		});
		expect(persona.postHistoryInstructions).toBeUndefined();
		expect(persona.exampleDialogues).toEqual([
			[{ user: 'Where are we going?', character: 'Wherever the sea is free.' }],
			[{ user: 'Who are you?', character: 'A man with no country.\nI answer to the ocean alone.' }, { user: 'And me?' }],
		]);
	});

	it('keeps unknown card data in extensions, and drops the top-level V1 copies', () => {
		const { persona } = importCard(json(v2Card), { source: 'nemo.json' });
		expect(persona.extensions).toEqual({
			talkativeness: '0.4',
			fav: false,
			depth_prompt: { depth: 4, prompt: 'x' },
			[cardExtensionKey]: { cardVersion: 2, creator: 'someone', character_version: '1.2' },
		});
	});

	it('imports a PNG card holding the same JSON as the same persona', () => {
		const fromJson = importCard(json(v2Card), { source: 'nemo.json' });
		const fromPng = importCard(encodePngWithCard({ chara: v2Card }), { source: 'nemo.png' });
		expect(fromPng.container).toBe('png');
		expect(fromPng.persona).toEqual(fromJson.persona);
	});

	it('prefers the ccv3 chunk over chara when a PNG has both', () => {
		const v3 = { spec: 'chara_card_v3', spec_version: '3.0', data: { ...v2Card.data, name: 'Nemo Three' } };
		const { persona, version } = importCard(encodePngWithCard({ chara: v2Card, ccv3: v3 }), { source: 'both.png' });
		expect([persona.displayName, version]).toEqual(['Nemo Three', 3]);
	});

	it('imports a V3 card with a nickname, an icon asset and a character book', () => {
		const v3 = {
			spec: 'chara_card_v3',
			spec_version: '3.0',
			data: {
				name: 'Ada',
				nickname: 'The Countess',
				description: 'A mathematician.',
				assets: [{ type: 'icon', uri: 'https://example.com/ada.png', name: 'main', ext: 'png' }],
				group_only_greetings: [],
				character_book: {
					name: 'Ada lore',
					scan_depth: 3,
					token_budget: 200,
					extensions: { custom: true },
					entries: [
						{
							keys: ['engine', 'Babbage'],
							content: 'She wrote notes on the Analytical Engine.',
							enabled: true,
							insertion_order: 5,
							extensions: {},
							id: 1,
							priority: 10,
						},
						{ keys: [], content: 'It is 1843.', enabled: true, constant: true, insertion_order: 1, extensions: {} },
						{ keys: ['poetry'], secondary_keys: [], selective: true, content: 'Her father was a poet.', enabled: true, insertion_order: 9, extensions: {} },
						{ keys: [], content: 'Never fires.', enabled: true, insertion_order: 9, extensions: {} },
						{ keys: ['x'], content: '  ', enabled: true, insertion_order: 9, extensions: {} },
					],
				},
			},
		};
		const { persona, version } = importCard(json(v3), { source: 'ada.json', id: 'ada' });
		expect(version).toBe(3);
		expect(persona).toMatchObject({ id: 'ada', aliases: ['The Countess'], avatarUrl: 'https://example.com/ada.png' });
		expect(persona.lorebook).toMatchObject({ name: 'Ada lore', scanDepth: 3, tokenBudget: 200, extensions: { custom: true } });
		expect(persona.lorebook?.entries).toMatchObject([
			{ keys: ['engine', 'Babbage'], insertionOrder: 5, enabled: true, extensions: { [cardExtensionKey]: { id: 1, priority: 10 } } },
			{ keys: [], constant: true, enabled: true },
			{ keys: ['poetry'], selective: false },
			{ content: 'Never fires.', enabled: false },
		]);
	});

	it('imports a flat V1 card', () => {
		const { persona, version } = importCard(json({ name: 'Old Timer', description: 'A V1 card.', first_mes: 'Howdy.' }), { source: 'v1.json' });
		expect([version, persona.id, persona.greetings]).toEqual([1, 'old-timer', ['Howdy.']]);
	});

	it('falls back to the personality when the description is empty', () => {
		const card = { ...v2Card, data: { ...v2Card.data, description: '' } };
		const { persona } = importCard(json(card), { source: 'nemo.json' });
		expect([persona.description, persona.personality]).toEqual(['brooding, brilliant, proud', undefined]);
	});

	it('rejects what is not a card with a reason', () => {
		expect(importError(Buffer.from('not json')).message).toMatch(/^card\.bin: cannot import the character card: neither a PNG nor valid JSON/);
		expect(importError(json([1, 2])).reasons).toEqual(['expected a JSON object']);
		expect(importError(json({ spec: 'chara_card_v9', data: {} })).reasons).toEqual([
			'unsupported spec "chara_card_v9" (expected chara_card_v2 or chara_card_v3)',
		]);
		expect(importError(json({ hello: 'world' })).reasons[0]).toMatch(/not a character card/);
		expect(importError(json({ spec: 'chara_card_v2', data: { name: '  ', description: 'x' } })).reasons).toEqual(['data.name: the card has no name']);
		expect(importError(json({ spec: 'chara_card_v2', data: { name: 'X', description: 42 } })).reasons[0]).toMatch(/^data\.description: /);
		expect(importError(json({ spec: 'chara_card_v2', data: { name: 'X' } })).reasons[0]).toMatch(/no description, personality or scenario/);
	});

	it('rejects a PNG without a card, or with a broken one', () => {
		expect(importError(encodePngWithCard({})).reasons).toEqual(['the PNG holds no character card (no tEXt chunk named ccv3 or chara)']);
		const truncated = encodePngWithCard({ chara: v2Card }).subarray(0, 60);
		expect(importError(truncated).reasons[0]).toMatch(/^truncated PNG/);
	});

	it('reports persona validation problems by field', () => {
		const card = { spec: 'chara_card_v2', data: { name: 'X', description: 'y', extensions: { talkativeness: 7 } } };
		expect(importCard(json(card), { source: 'x.json' }).persona.talkativeness).toBe(0.2);
		expect(importError(json({ spec: 'chara_card_v2', data: { name: 'x'.repeat(81), description: 'y' } })).reasons).toEqual([
			'displayName: must be at most 80 characters',
		]);
	});
});
