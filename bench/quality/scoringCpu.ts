// Benchmark: CPU that quality control's rule-based scoring costs per reply. Scores every reply of the labeled corpus
// (apps/quality-control/corpus/dev.jsonl and heldout.jsonl) in-process, as the review step does (buildScoreInput,
// then scoreReply), after a warm-up pass, `--rounds` times; reports µs of process CPU per reply (mean, p50, p99 over
// the replies, each reply's figure its mean over the rounds). Writes the `quality-scoring-cpu` section of bench/RESULTS.md.
// Usage: npm run bench:qc-cpu [-- --rounds 5]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCharacters } from '@charbot/characters';
import { resolveFromRoot } from '@charbot/core';
import { corpusLineSchema, type CorpusLine } from '../../apps/quality-control/src/cli/scoreLineSchema.js';
import { scoreInputOfLine } from '../../apps/quality-control/src/cli/scoreLine.js';
import { scoreReply } from '../../apps/quality-control/src/scoring/scoreReply.js';
import { describeMachine, percentile, reportTargets, writeResultsSection } from '../benchReport.js';

const { values } = parseArgs({ options: { rounds: { type: 'string' } } });
const rounds = Number(values.rounds ?? 5);
const corpusFiles = ['apps/quality-control/corpus/dev.jsonl', 'apps/quality-control/corpus/heldout.jsonl'];
// A reply costs about 0.5 ms on the 2-core reference machine with the per-character caches and the scorers' `\b` as
// lookarounds (fastWordBoundaries), 1.1 ms with `\b` left to V8's slow /iu path and 2 ms without the caches either:
// the target catches the loss of either, or a scorer gone quadratic.
const targetMeanMicros = 800;

const loaded = await loadCharacters(resolveFromRoot('characters'));
const cast = loaded.characters.map((entry) => entry.persona);
const lines: CorpusLine[] = corpusFiles.flatMap((file) =>
	readFileSync(resolveFromRoot(file), 'utf8')
		.split('\n')
		.filter((raw) => raw.trim() !== '')
		.map((raw) => corpusLineSchema.parse(JSON.parse(raw))),
);

/** Builds the reply's score input and scores it, as `reviewCandidate` does before repair and the judge. */
function scoreLine(line: CorpusLine): void {
	const input = scoreInputOfLine(line, cast);
	if (typeof input === 'string') throw new Error(`corpus line ${line.id}: ${input}`);
	scoreReply(input);
}

function cpuMicros(): number {
	const usage = process.cpuUsage();
	return usage.user + usage.system;
}

// The warm-up pass compiles the code and fills the per-character caches, as the first replies of a running process do.
for (const line of lines) scoreLine(line);
const totals = new Array<number>(lines.length).fill(0);
const started = cpuMicros();
for (let round = 0; round < rounds; round += 1) {
	for (const [index, line] of lines.entries()) {
		const before = cpuMicros();
		scoreLine(line);
		totals[index] = (totals[index] ?? 0) + cpuMicros() - before;
	}
}
const perReply = totals.map((total) => total / rounds);
const mean = (cpuMicros() - started) / rounds / lines.length;
const p50 = percentile(perReply, 0.5);
const p99 = percentile(perReply, 0.99);
const micros = (value: number) => `${Math.round(value)} µs`;

const markdown = [
	'## Quality control: CPU of rule-based scoring per reply (`npm run bench:qc-cpu`)',
	'',
	`Machine: ${describeMachine()}.`,
	'',
	`The ${lines.length} labeled replies of the corpus (\`${corpusFiles.join('`, `')}\`), each built into a score input and scored by every rule-based scorer in-process, as quality control's review does before repair and the judge; one warm-up pass, then ${rounds} rounds. Process CPU (user + system) per reply; p50 and p99 are over the replies, each reply's figure its mean over the rounds.`,
	'',
	'| replies | mean | p50 | p99 |',
	'| --- | --- | --- | --- |',
	`| ${lines.length} | ${micros(mean)} | ${micros(p50)} | ${micros(p99)} |`,
].join('\n');
writeResultsSection('quality-scoring-cpu', markdown);
process.stdout.write(`${markdown}\n`);
reportTargets('quality-scoring-cpu', [
	{ measure: 'CPU of rule-based scoring per reply, mean', target: `≤ ${micros(targetMeanMicros)}`, measured: micros(mean), met: mean <= targetMeanMicros },
]);
