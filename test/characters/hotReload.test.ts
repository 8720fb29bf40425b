import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CharacterChange, type CharacterProblem, CharacterRegistry } from '@charbot/characters';
import { waitFor } from '@charbot/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const persona = (id: string, talkativeness: number | string, extra = '') =>
	`id: ${id}\ndisplayName: ${id.toUpperCase()}\ndescription: Someone.\ntalkativeness: ${talkativeness}\n${extra}`;

describe('CharacterRegistry', () => {
	let dir: string;
	let registry: CharacterRegistry | undefined;
	let problems: CharacterProblem[];
	let changes: CharacterChange[];

	const open = async () => {
		registry = await CharacterRegistry.open({
			dir,
			debounceMs: 50,
			onProblem: (problem) => problems.push(problem),
			onChange: (change) => changes.push(change),
		});
		return registry;
	};

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'charbot-registry-'));
		problems = [];
		changes = [];
	});
	afterEach(() => {
		registry?.close();
		registry = undefined;
		rmSync(dir, { recursive: true, force: true });
	});

	it('reloads a changed file, keeps the last good version of a broken one, and drops a deleted one', async () => {
		writeFileSync(join(dir, 'peter.yaml'), persona('peter', 0.3));
		writeFileSync(join(dir, 'lois.yaml'), persona('lois', 0.2));
		const characters = await open();
		expect(characters.list().map((entry) => entry.id)).toEqual(['lois', 'peter']);

		writeFileSync(join(dir, 'peter.yaml'), persona('peter', 0.6));
		await waitFor(() => characters.get('peter')?.talkativeness === 0.6, 'peter to reload with talkativeness 0.6');
		expect(changes.at(-1)).toEqual({ added: [], updated: ['peter'], removed: [] });

		writeFileSync(join(dir, 'peter.yaml'), persona('peter', 5));
		await waitFor(() => problems.length > 0, 'the broken file to be reported');
		expect(problems[0]).toMatchObject({ file: join(dir, 'peter.yaml'), field: 'talkativeness', reason: 'must be between 0 and 1' });
		expect(characters.get('peter')?.talkativeness).toBe(0.6);
		expect(characters.problems()).toHaveLength(1);

		writeFileSync(join(dir, 'peter.yaml'), persona('peter', 0.7));
		await waitFor(() => characters.get('peter')?.talkativeness === 0.7, 'the fixed file to load');
		expect(characters.problems()).toEqual([]);

		writeFileSync(join(dir, 'brian.yaml'), persona('brian', 0.4));
		await waitFor(() => characters.get('brian') !== undefined, 'a new file to be picked up');

		unlinkSync(join(dir, 'lois.yaml'));
		await waitFor(() => characters.get('lois') === undefined, 'a deleted file to be dropped');
		expect(changes.at(-1)).toEqual({ added: [], updated: [], removed: ['lois'] });
		expect(problems).toHaveLength(1);
	});

	it('picks up an editor-style atomic save (write a temp file, rename over)', async () => {
		writeFileSync(join(dir, 'peter.yaml'), persona('peter', 0.3));
		const characters = await open();
		writeFileSync(join(dir, '.peter.yaml.tmp'), persona('peter', 0.9));
		renameSync(join(dir, '.peter.yaml.tmp'), join(dir, 'peter.yaml'));
		await waitFor(() => characters.get('peter')?.talkativeness === 0.9, 'the renamed file to load');
	});

	it('follows a Kubernetes ConfigMap-style update that only swaps a hidden symlink', async () => {
		mkdirSync(join(dir, '..v1'));
		writeFileSync(join(dir, '..v1', 'peter.yaml'), persona('peter', 0.3));
		symlinkSync('..v1', join(dir, '..data'));
		symlinkSync(join('..data', 'peter.yaml'), join(dir, 'peter.yaml'));
		const characters = await open();
		expect(characters.get('peter')?.talkativeness).toBe(0.3);
		mkdirSync(join(dir, '..v2'));
		writeFileSync(join(dir, '..v2', 'peter.yaml'), persona('peter', 0.8));
		symlinkSync('..v2', join(dir, '..data_tmp'));
		renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
		await waitFor(() => characters.get('peter')?.talkativeness === 0.8, 'the swapped ConfigMap data to load');
	});

	it('keeps a working character when a new file claims its id, and reports both files', async () => {
		writeFileSync(join(dir, 'z-peter.yaml'), persona('peter', 0.3));
		const characters = await open();
		writeFileSync(join(dir, 'a-impostor.yaml'), persona('peter', 0.9));
		await waitFor(() => problems.length > 0, 'the duplicate id to be reported');
		expect(problems[0]?.message).toBe(`${join(dir, 'a-impostor.yaml')}: id: "peter" is already used by ${join(dir, 'z-peter.yaml')}; ids must be unique`);
		expect(characters.get('peter')?.talkativeness).toBe(0.3);
	});

	it('reports a YAML syntax error and keeps the old version', async () => {
		writeFileSync(join(dir, 'peter.yaml'), persona('peter', 0.3));
		const characters = await open();
		writeFileSync(join(dir, 'peter.yaml'), 'id: peter\ndisplayName: [unclosed\n');
		await waitFor(() => problems.length > 0, 'the syntax error to be reported');
		expect(problems[0]?.field).toBe('(yaml)');
		expect(characters.get('peter')?.talkativeness).toBe(0.3);
	});

	it('reports a broken file found at start and loads the rest', async () => {
		writeFileSync(join(dir, 'peter.yaml'), persona('peter', 'loud'));
		writeFileSync(join(dir, 'lois.yaml'), persona('lois', 0.2));
		const characters = await open();
		expect(characters.list().map((entry) => entry.id)).toEqual(['lois']);
		expect(problems.map((problem) => problem.message)).toEqual([`${join(dir, 'peter.yaml')}: talkativeness: must be a number`]);
	});

	it('stops reloading once closed', async () => {
		writeFileSync(join(dir, 'peter.yaml'), persona('peter', 0.3));
		const characters = await open();
		characters.close();
		// A second registry watching the same folder: once it has seen the change, an open one would have too.
		const witness = await CharacterRegistry.open({ dir, debounceMs: 50, onProblem: (problem) => problems.push(problem) });
		try {
			writeFileSync(join(dir, 'peter.yaml'), persona('peter', 0.8));
			await waitFor(() => witness.get('peter')?.talkativeness === 0.8, 'the open registry to reload');
			expect(characters.get('peter')?.talkativeness).toBe(0.3);
		} finally {
			witness.close();
		}
	});

	it('refuses to watch a folder that does not exist', async () => {
		await expect(CharacterRegistry.open({ dir: join(dir, 'missing'), onProblem: (problem) => problems.push(problem) })).rejects.toThrow(
			`Cannot watch the persona folder ${join(dir, 'missing')}: the folder does not exist`,
		);
		expect(problems[0]?.reason).toMatch(/does not exist/);
	});
});
