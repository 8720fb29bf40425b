import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CharacterRegistry } from '../loading/CharacterRegistry.js';
import { buildCharacterPrompt } from './buildCharacterPrompt.js';

const personaFile = (description: string, lore: string, example: string) =>
	[
		'id: peter',
		'displayName: Peter Griffin',
		`description: ${description}`,
		'exampleDialogues:',
		`  - - { user: "Hi", character: "${example}" }`,
		'lorebook:',
		'  entries:',
		`    - { keys: [beer], content: "${lore}" }`,
		'',
	].join('\n');

describe('renderPersonaTexts', () => {
	let dir: string;
	let registry: CharacterRegistry | undefined;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'charbot-persona-texts-'));
	});
	afterEach(() => {
		registry?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('serves the edited persona text after a reload, never the text rendered before it', async () => {
		writeFileSync(join(dir, 'peter.yaml'), personaFile('A loud dad.', 'He drinks Pawtucket Patriot.', 'Hehehe.'));
		registry = await CharacterRegistry.open({ dir, watch: false });
		const prompt = () => {
			const persona = registry?.get('peter');
			if (persona === undefined) throw new Error('peter did not load');
			const messages = buildCharacterPrompt({ persona, trigger: { authorName: 'Dave', content: 'Want a beer?' } }).messages;
			return messages[0]?.content ?? '';
		};
		const before = prompt();
		expect(before).toContain('A loud dad.');
		expect(before).toContain('- He drinks Pawtucket Patriot.');
		expect(before).toContain('Peter Griffin: Hehehe.');
		expect(prompt()).toBe(before);

		writeFileSync(join(dir, 'peter.yaml'), personaFile('A quiet dad.', 'He gave up beer.', 'Hmm.'));
		await registry.reload();
		const after = prompt();
		expect(after).toContain('A quiet dad.');
		expect(after).toContain('- He gave up beer.');
		expect(after).toContain('Peter Griffin: Hmm.');
		expect(after).not.toContain('loud');
		expect(after).not.toContain('Pawtucket');
		expect(after).not.toContain('Hehehe');
	});
});
