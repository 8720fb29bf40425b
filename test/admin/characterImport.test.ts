import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CharacterRegistry, encodePngWithCard } from '@charbot/characters';
import { resolveFromRoot } from '@charbot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from '../gateway/gatewayFixture.js';
import { answerOf, answerText } from './slashCommands.js';

// The import writes persona files: each run works on its own copy of the shipped cast, never on `characters/`.
let dir: string;
let registry: CharacterRegistry;
let fx: GatewayFixture;

const nemoCard = (name: string) => ({
	spec: 'chara_card_v2',
	spec_version: '2.0',
	data: {
		name,
		description: '{{char}} commands the submarine Nautilus and distrusts every government on land.',
		personality: 'brooding, brilliant, proud',
		scenario: '',
		first_mes: 'Welcome aboard the Nautilus, {{user}}.',
		mes_example: '',
		creator_notes: '',
		system_prompt: '',
		post_history_instructions: '',
		alternate_greetings: [],
		tags: [],
		creator: '',
		character_version: '1',
		extensions: {},
	},
});
const jsonFile = (value: unknown, filename = 'card.json') => ({ filename, contentType: 'application/json', data: Buffer.from(JSON.stringify(value)) });
const importAs = (user: string, card: { filename: string; contentType?: string; data: Uint8Array }, options: Record<string, string> = {}) =>
	answerOf(fx.emulator, { user, name: 'characters', sub: 'import', options, attachments: { card } });

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'charbot-import-'));
	await cp(resolveFromRoot('characters'), dir, { recursive: true });
	registry = await CharacterRegistry.open({ dir, debounceMs: 20, onProblem: () => undefined });
	fx = await startGatewayFixture({ gateway: { characters: registry } });
});
afterAll(async () => {
	await fx?.close();
	registry?.close();
	if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('/characters import', () => {
	it('is registered with an attachment option', () => {
		const command = fx.emulator.control.commands(fx.guildId).find((each) => each.name === 'characters');
		expect(JSON.stringify(command)).toMatch(/"name":"import"/);
		expect(JSON.stringify(command)).toMatch(/"type":11/);
	});

	it('imports a JSON card for a member with Manage Server: a persona file appears and the character is loaded at once', async () => {
		const view = await importAs('erin', jsonFile(nemoCard('Captain Nemo')));
		expect(view.ephemeral).toBe(true);
		expect(answerText(view)).toMatch(/^Imported \*\*Captain Nemo\*\* \(`captain-nemo`\) from a Character Card V2 \(JSON\)\. It is loaded now/);
		expect(registry.get('captain-nemo')).toMatchObject({ displayName: 'Captain Nemo', greetings: ['Welcome aboard the Nautilus, {{user}}.'] });
		const file = await readFile(join(dir, 'captain-nemo.yaml'), 'utf8');
		expect(file).toMatch(/^# Imported with \/characters import from card\.json, a Character Card V2 \(JSON\), by Discord user \d+ in server \d+/);
		const info = await answerOf(fx.emulator, { user: 'alice', name: 'characters', sub: 'info', options: { character: 'captain-nemo' } });
		expect(info.original?.embeds[0]).toMatchObject({
			title: 'Captain Nemo',
			description: 'Captain Nemo commands the submarine Nautilus and distrusts every government on land.',
		});
	});

	it('imports a PNG card under a chosen id', async () => {
		const png = encodePngWithCard({ chara: nemoCard('Nemo of the Deep') });
		const view = await importAs('dana', { filename: 'nemo.png', contentType: 'image/png', data: png }, { id: 'deep-nemo' });
		expect(answerText(view)).toMatch(/^Imported \*\*Nemo of the Deep\*\* \(`deep-nemo`\) from a Character Card V2 \(PNG\)/);
		expect(registry.get('deep-nemo')?.displayName).toBe('Nemo of the Deep');
	});

	it('refuses members without Manage Server, whatever the command defaults say', async () => {
		const view = await importAs('alice', jsonFile(nemoCard('Sneaky Nemo')));
		expect(answerText(view)).toMatch(/Only members with the \*\*Manage Server\*\* permission/);
		expect(registry.get('sneaky-nemo')).toBeUndefined();
	});

	it('refuses an id that is taken, a card that is not one, a bad id and a file over the size limit, naming why', async () => {
		const taken = await importAs('erin', jsonFile(nemoCard('Peter')), { id: 'peter' });
		expect(answerText(taken)).toMatch(/^Nothing was imported: the id `peter` is already Peter Griffin's/);
		const junk = await importAs('erin', { filename: 'notes.txt', data: Buffer.from('just some notes') });
		expect(answerText(junk)).toMatch(/^Nothing was imported: \*\*notes\.txt\*\* is not a usable character card\.\n• neither a PNG nor valid JSON/);
		const nameless = await importAs('erin', jsonFile({ spec: 'chara_card_v2', spec_version: '2.0', data: { description: 'x' } }));
		expect(answerText(nameless)).toMatch(/is not a usable character card\.\n• data\.name/);
		const badId = await importAs('erin', jsonFile(nemoCard('Odd Nemo')), { id: 'Odd Id!' });
		expect(answerText(badId)).toMatch(/^Nothing was imported: the id must be a lowercase slug/);
		const huge = await importAs('erin', { filename: 'huge.json', data: Buffer.alloc(9 * 1024 * 1024, 0x20) });
		expect(answerText(huge)).toBe('Nothing was imported: it is larger than 8 MiB.');
		expect(registry.list().map((persona) => persona.id)).not.toContain('odd-nemo');
	});
});

describe('persona macros where members read persona text', () => {
	it('/characters list and info show names, never {{char}} or {{user}}', async () => {
		const list = await answerOf(fx.emulator, { user: 'bob', name: 'characters', sub: 'list' });
		expect(answerText(list)).not.toMatch(/\{\{|\}\}/);
		expect(answerText(list)).toMatch(/\*\*Brian Griffin\*\* \(`brian`\) — Brian Griffin is the Griffin family/);
		for (const character of ['brian', 'peter', 'stewie', 'lois']) {
			const info = await answerOf(fx.emulator, { user: 'bob', name: 'characters', sub: 'info', options: { character } });
			expect(JSON.stringify(info.original?.embeds)).not.toMatch(/\{\{|\}\}|<BOT>|<USER>/i);
		}
	});
});
