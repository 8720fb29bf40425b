import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCastWarnings, loadCharacters } from '@charbot/characters';
import { resolveFromRoot } from '@charbot/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const persona = (id: string, extra = '') => `id: ${id}\ndisplayName: ${id.toUpperCase()}\ndescription: Someone.\n${extra}`;

describe('loadCharacters', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'charbot-characters-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('loads the shipped cast without problems', async () => {
		const { characters, problems } = await loadCharacters(resolveFromRoot('characters'));
		expect(problems).toEqual([]);
		const ids = characters.map((entry) => entry.persona.id);
		expect(ids).toEqual(expect.arrayContaining(['peter', 'stewie', 'brian', 'lois', 'quagmire', 'meg']));
		expect(findCastWarnings(characters)).toEqual([]);
		for (const { persona } of characters) {
			expect(persona.exampleDialogues.length, persona.id).toBeGreaterThanOrEqual(3);
			expect(Object.keys(persona.relationships).length, persona.id).toBeGreaterThanOrEqual(4);
			expect(persona.quality.mustNot.join(' '), persona.id).toMatch(/AI/);
		}
	});

	it('keeps loading the other files when one is broken, and names file and field', async () => {
		writeFileSync(join(dir, 'a.yaml'), persona('a'));
		writeFileSync(join(dir, 'b.yml'), persona('b', 'talkativeness: 2\n'));
		writeFileSync(join(dir, 'c.yaml'), persona('c'));
		writeFileSync(join(dir, 'README.md'), '# not a persona');
		writeFileSync(join(dir, '.a.yaml.swp'), 'garbage');
		const { characters, problems, files } = await loadCharacters(dir);
		expect(characters.map((entry) => entry.persona.id)).toEqual(['a', 'c']);
		expect(files).toHaveLength(3);
		expect(problems).toEqual([expect.objectContaining({ file: join(dir, 'b.yml'), field: 'talkativeness', reason: 'must be between 0 and 1' })]);
		expect(problems[0]?.message).toBe(`${join(dir, 'b.yml')}: talkativeness: must be between 0 and 1`);
	});

	it('reports a duplicate id naming both files, keeping the first', async () => {
		writeFileSync(join(dir, 'a.yaml'), persona('same'));
		writeFileSync(join(dir, 'b.yaml'), persona('same'));
		const { characters, problems } = await loadCharacters(dir);
		expect(characters.map((entry) => entry.file)).toEqual([join(dir, 'a.yaml')]);
		expect(problems.map((problem) => problem.message)).toEqual([
			`${join(dir, 'b.yaml')}: id: "same" is already used by ${join(dir, 'a.yaml')}; ids must be unique`,
		]);
	});

	it('reports a missing folder as a problem', async () => {
		const { characters, problems } = await loadCharacters(join(dir, 'nope'));
		expect(characters).toEqual([]);
		expect(problems.map((problem) => problem.message)).toEqual([`${join(dir, 'nope')}: (folder): the folder does not exist`]);
	});

	it('warns about relationships with unknown ids and shared aliases', async () => {
		writeFileSync(join(dir, 'a.yaml'), persona('a', 'aliases: [Griffin]\nrelationships:\n  ghost: never met\n'));
		writeFileSync(join(dir, 'b.yaml'), persona('b', 'aliases: [griffin]\n'));
		const { characters } = await loadCharacters(dir);
		expect(findCastWarnings(characters)).toEqual([
			`${join(dir, 'a.yaml')}: relationships.ghost: no character has the id "ghost"`,
			`${join(dir, 'b.yaml')}: aliases: "griffin" also calls a (${join(dir, 'a.yaml')})`,
		]);
	});
});
