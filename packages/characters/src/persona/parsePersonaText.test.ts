import { describe, expect, it } from 'vitest';
import { parsePersonaText } from './parsePersonaText.js';

const minimal = `id: peter
displayName: Peter Griffin
description: A loud dad.
`;

function problemsOf(text: string, file = 'characters/peter.yaml'): string[] {
	const result = parsePersonaText(text, file);
	if (result.ok) throw new Error('expected problems');
	return result.problems.map((problem) => problem.message);
}

describe('parsePersonaText', () => {
	it('applies defaults to a minimal persona', () => {
		const result = parsePersonaText(minimal, 'peter.yaml');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.persona).toMatchObject({
			id: 'peter',
			talkativeness: 0.2,
			modelRole: 'chat',
			aliases: [],
			relationships: {},
			generation: {},
			quality: { neverSays: [], mustNot: [] },
			extensions: {},
		});
		expect(result.persona.lorebook).toBeUndefined();
	});

	it('names the file, the field and the reason', () => {
		expect(problemsOf(`${minimal}talkativeness: 1.5\n`)).toEqual(['characters/peter.yaml: talkativeness: must be between 0 and 1']);
		expect(problemsOf(`${minimal}generation:\n  topK: 2.5\n`)).toEqual(['characters/peter.yaml: generation.topK: must be a whole number']);
		expect(problemsOf(minimal.replace('id: peter', 'id: Peter Griffin'))[0]).toMatch(/^characters\/peter\.yaml: id: must be a lowercase slug/);
	});

	it('reports every problem at once, with nested paths', () => {
		const problems = problemsOf(`${minimal}talkativeness: -1
exampleDialogues:
  - user: hi
    character: hello
  - - user: ''
avatarUrl: ftp://example.com/a.png
relationships:
  Lois: his wife
`);
		expect(problems).toEqual([
			'characters/peter.yaml: avatarUrl: must be an http(s) URL',
			'characters/peter.yaml: exampleDialogues.1.0.user: must not be empty',
			'characters/peter.yaml: relationships.Lois: must be a lowercase slug (a-z, 0-9 and -, starting with a letter or digit, at most 64 characters)',
			'characters/peter.yaml: talkativeness: must be between 0 and 1',
		]);
	});

	it('rejects unknown fields by name, so a typo does not pass silently', () => {
		expect(problemsOf(`${minimal}talkitiveness: 0.5\ngeneration:\n  temprature: 1\n`)).toEqual([
			'characters/peter.yaml: generation.temprature: is not a known field (see characters/README.md)',
			'characters/peter.yaml: talkitiveness: is not a known field (see characters/README.md)',
		]);
	});

	it('reports YAML syntax errors with their line', () => {
		const [problem] = problemsOf(`${minimal}aliases: [Pete\n`);
		expect(problem).toMatch(/^characters\/peter\.yaml: \(yaml\): .* at line \d+, column \d+$/);
		expect(problemsOf(`${minimal}id: again\n`)[0]).toMatch(/\(yaml\): .*[Mm]ap keys must be unique/);
	});

	it('reports an empty file and a file that is not a mapping', () => {
		expect(problemsOf('')).toEqual(['characters/peter.yaml: (root): the file is empty']);
		expect(problemsOf('just text')[0]).toMatch(/^characters\/peter\.yaml: \(root\): .*expected object/);
	});

	it('accepts single-exchange and multi-exchange example dialogues alike', () => {
		const result = parsePersonaText(
			`${minimal}exampleDialogues:
  - user: One?
    character: One.
  - - user: Two?
      character: Two.
    - character: And more.
`,
			'peter.yaml',
		);
		expect(result.ok && result.persona.exampleDialogues).toEqual([
			[{ user: 'One?', character: 'One.' }],
			[{ user: 'Two?', character: 'Two.' }, { character: 'And more.' }],
		]);
	});

	it('rejects a relationship with itself, a repeated alias and an exchange with no lines', () => {
		expect(problemsOf(`${minimal}relationships:\n  peter: himself\naliases: [Pete, pete]\nexampleDialogues:\n  - {}\n`)).toEqual([
			'characters/peter.yaml: exampleDialogues.0.0: needs a user line, a character line or both',
			'characters/peter.yaml: relationships.peter: a character cannot have a relationship with itself',
			'characters/peter.yaml: aliases.1: repeats the name "pete"',
		]);
	});

	it('validates lorebook entries', () => {
		expect(problemsOf(`${minimal}lorebook:\n  entries:\n    - content: Orphan\n    - keys: [a]\n      content: x\n      selective: true\n`)).toEqual([
			'characters/peter.yaml: lorebook.entries.0.keys: needs at least one key unless the entry is constant or disabled',
			'characters/peter.yaml: lorebook.entries.1.secondaryKeys: needs at least one secondary key when selective is true',
		]);
	});
});
