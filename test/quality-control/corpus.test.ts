import { readFile } from 'node:fs/promises';
import { loadCharacters, type Persona } from '@charbot/characters';
import { resolveFromRoot } from '@charbot/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../apps/quality-control/src/cli/parseJsonLines.js';
import { corpusLineSchema } from '../../apps/quality-control/src/cli/scoreLineSchema.js';
import { evaluateCorpus } from '../../apps/quality-control/src/evaluation/evaluateCorpus.js';

let cast: Persona[];

beforeAll(async () => {
	const loaded = await loadCharacters(resolveFromRoot('characters'));
	expect(loaded.problems).toEqual([]);
	cast = loaded.characters.map((entry) => entry.persona);
});

async function readCorpus(name: string) {
	const parsed = parseJsonLines(await readFile(resolveFromRoot(`apps/quality-control/corpus/${name}`), 'utf8'), corpusLineSchema);
	expect(parsed.filter((line) => !line.ok)).toEqual([]);
	return parsed.flatMap((line) => (line.ok ? [{ line: line.line, value: line.value }] : []));
}

describe('the labeled corpus', () => {
	it('is large and hard enough to mean something: ≥ 500 replies, ≥ 40 % passes, half of them traps, the whole cast', async () => {
		const lines = [...(await readCorpus('dev.jsonl')), ...(await readCorpus('heldout.jsonl'))];
		const passes = lines.filter((line) => line.value.label === 'pass');
		expect(lines.length).toBeGreaterThanOrEqual(500);
		expect(passes.length / lines.length).toBeGreaterThanOrEqual(0.4);
		expect(passes.filter((line) => line.value.category.startsWith('trap-')).length).toBeGreaterThanOrEqual(passes.length / 2);
		expect(new Set(lines.map((line) => line.value.character))).toEqual(new Set(cast.map((persona) => persona.id)));
		expect(new Set(lines.map((line) => line.value.id)).size).toBe(lines.length);
	});

	it('holds the held-out part, which no scorer is tuned on, at precision and recall of "fail" ≥ 0.95', async () => {
		const { report, errors } = evaluateCorpus(await readCorpus('heldout.jsonl'), cast);
		expect(errors).toEqual([]);
		const misjudged = report.misjudged.map((line) => `${line.id} ${line.label} ${line.category}: ${line.reasons.join('; ') || 'no finding'}`);
		expect(report.overall.precision, misjudged.join('\n')).toBeGreaterThanOrEqual(0.95);
		expect(report.overall.recall, misjudged.join('\n')).toBeGreaterThanOrEqual(0.95);
	});
});
