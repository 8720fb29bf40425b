// Benchmark: what scrubbing secrets from every log line costs. Writes the same lines through `createLogger` (every line
// scrubbed: secret-named fields at any depth, token-shaped values) and through a bare pino logger with the same
// serializers and no scrubbing, into a sink that drops them, and reports the difference per line.
// Usage: npm run bench:logging [-- --lines 200000]
import { parseArgs } from 'node:util';
import { createLogger, type Logger } from '@charbot/core';
import { pino } from 'pino';
import { describeMachine, reportTargets, writeResultsSection } from '../benchReport.js';

const { values } = parseArgs({ options: { lines: { type: 'string' } } });
const lines = Number(values.lines ?? 200_000);
// A line costs well under this today; the target only catches a scrubber that went quadratic or walks objects.
const targetOverheadMicros = 5;

const sink = { write: (_line: string) => undefined };
const scrubbed = createLogger({ name: 'bench', level: 'info', format: 'json', destination: sink });
const bare = pino({ name: 'bench', level: 'info', serializers: { err: pino.stdSerializers.err } }, sink);

/** Lines as the apps write them: most name no secret, the LLM layer's carry token counts, a few carry real secrets deep down. */
const kinds: readonly { readonly name: string; readonly write: (logger: Logger, index: number) => void }[] = [
	{
		name: 'plain (no secret-like word)',
		write: (logger, index) => logger.info({ jobKey: `msg-${index}-peter`, characterId: 'peter', channelId: '223456789012345678', parts: 1 }, 'reply delivered'),
	},
	{
		name: 'LLM counts (`promptTokens`, `msPerToken`)',
		write: (logger, index) =>
			logger.info({ host: 'http://10.0.0.2:11434', model: 'llama3.2:1b', promptTokens: 812 + index, evalTokens: 96, msPerToken: 14.2 }, 'generated'),
	},
	{
		name: 'nested secrets (interaction token 3 levels down, webhook URL)',
		write: (logger, index) =>
			logger.warn(
				{
					job: { data: { interaction: { id: String(index), interactionToken: `aW50ZXJhY3Rpb246${'x'.repeat(60)}` } } },
					url: `https://discord.com/api/v10/webhooks/123456789012345678/${'t'.repeat(68)}`,
				},
				'could not post the part',
			),
	},
];

function microsPerLine(logger: Logger, write: (logger: Logger, index: number) => void): number {
	for (let index = 0; index < 20_000; index += 1) write(logger, index);
	const started = process.hrtime.bigint();
	for (let index = 0; index < lines; index += 1) write(logger, index);
	return Number(process.hrtime.bigint() - started) / 1000 / lines;
}

const rows: string[] = [];
const checks = [];
for (const kind of kinds) {
	// Alternated and repeated, so neither logger gets the warmer half of the run.
	const bareRuns: number[] = [];
	const scrubbedRuns: number[] = [];
	for (let round = 0; round < 3; round += 1) {
		bareRuns.push(microsPerLine(bare, kind.write));
		scrubbedRuns.push(microsPerLine(scrubbed, kind.write));
	}
	const bareMicros = Math.min(...bareRuns);
	const scrubbedMicros = Math.min(...scrubbedRuns);
	const overhead = scrubbedMicros - bareMicros;
	rows.push(`| ${kind.name} | ${bareMicros.toFixed(2)} | ${scrubbedMicros.toFixed(2)} | ${overhead.toFixed(2)} |`);
	checks.push({
		measure: `scrubbing cost per line, ${kind.name}`,
		target: `< ${targetOverheadMicros} µs`,
		measured: `${overhead.toFixed(2)} µs`,
		met: overhead < targetOverheadMicros,
	});
	process.stdout.write(`${kind.name}: bare ${bareMicros.toFixed(2)} µs, scrubbed ${scrubbedMicros.toFixed(2)} µs per line\n`);
}

writeResultsSection(
	'logging-redaction',
	[
		'## Logging: the cost of scrubbing secrets (`npm run bench:logging`)',
		'',
		`${describeMachine()}. ${lines.toLocaleString('en')} lines of each kind, best of 3 rounds, into a sink that drops them.`,
		'',
		'| line | bare pino, µs/line | `createLogger` (scrubbed), µs/line | scrubbing, µs/line |',
		'| --- | --- | --- | --- |',
		...rows,
	].join('\n'),
);
reportTargets('logging redaction', checks);
