import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFromRoot } from '@charbot/core';
import { describe, expect, it } from 'vitest';

function runQc(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			['--import', 'tsx', resolveFromRoot('apps/quality-control/src/cli/main.ts'), ...args],
			{ cwd: resolveFromRoot('.') },
			(error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
		);
	});
}

function jsonl(lines: string[]): string {
	const file = join(mkdtempSync(join(tmpdir(), 'qc-cli-')), 'replies.jsonl');
	writeFileSync(file, `${lines.join('\n')}\n`);
	return file;
}

describe('npm run qc -- score', () => {
	it('prints one JSON line per good input line and reports a bad line by number and field', async () => {
		const file = jsonl([
			JSON.stringify({ character: 'peter', reply: "Heh heh heh. Lois, I'm building a boat in the kitchen." }),
			JSON.stringify({ character: 'stewie', reply: 'As an AI language model, I cannot conquer the world.' }),
			JSON.stringify({ character: 'brian', reply: 5 }),
			'',
			JSON.stringify({
				character: 'peter',
				reply: 'Hold on, I got a story about this.',
				history: ['Hold on, I got a story about this.', { author: 'Meg', content: 'Dad?' }],
			}),
			'{ not json',
		]);
		const { code, stdout, stderr } = await runQc(['score', file]);
		expect(code).toBe(1);
		const results = stdout
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(results).toEqual([
			{ line: 1, score: 1, verdict: 'pass', reasons: [] },
			{ line: 2, score: 0, verdict: 'fail', reasons: ['Reply contains an AI disclaimer ("As an AI language model")'] },
			{ line: 5, score: 0.4, verdict: 'fail', reasons: ["Reply repeats one of the character's recent replies (100% the same); say something new"] },
		]);
		expect(stderr).toContain('line 3: reply: Invalid input: expected string, received number');
		expect(stderr).toMatch(/line 6: not valid JSON/);
	});

	it('exits 0 when every line is good, and explains itself with --help', async () => {
		const good = await runQc(['score', jsonl([JSON.stringify({ character: 'lois', reply: 'Peter, get that canoe out of my kitchen!' })])]);
		expect(good).toMatchObject({ code: 0, stderr: '' });
		const help = await runQc(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage: npm run qc -- score <file.jsonl>');
		expect(help.stdout).toContain('npm run qc -- eval [file.jsonl ...]');
		const wrong = await runQc(['grade', 'x.jsonl']);
		expect(wrong.code).toBe(2);
		expect(wrong.stderr).toContain('unknown command "grade"');
	});
});

describe('npm run qc -- eval', () => {
	const labeled = [
		{ id: 't1', character: 'peter', message: 'Peter?', reply: 'Heh heh heh, Lois, the canoe stays.', label: 'pass', category: 'in-character' },
		{ id: 't2', character: 'peter', message: 'Peter?', reply: 'As an AI language model, I cannot own a canoe.', label: 'fail', category: 'disclaimer' },
		{
			id: 't3',
			character: 'stewie',
			message: 'Stewie?',
			reply: "Sure! Here's Stewie's reply:\n\nBlast! Rupert, the ray gun.",
			label: 'fail',
			category: 'assistant-frame',
		},
		{ id: 't4', character: 'lois', message: 'Lois?', reply: 'Sorry, sweetie, I can not find the remote anywhere.', label: 'fail', category: 'made-up' },
	];

	it('reports precision, recall and F1 of fail, each category, the misjudged lines and repairs', async () => {
		const { code, stdout, stderr } = await runQc(['eval', jsonl(labeled.map((line) => JSON.stringify(line))), '--repairs']);
		expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
		expect(stdout).toContain('fail  precision 1.000  recall 0.667  F1 0.800');
		expect(stdout).toMatch(/^disclaimer\s+fail\s+1\s+100\.0%$/m);
		expect(stdout).toMatch(/^made-up\s+fail\s+1\s+0\.0%$/m);
		expect(stdout).toContain('- MISSED t4 (line 4, lois, made-up, score 1)');
		expect(stdout).toContain('repair  1 of 2 caught fails repaired into a passing reply');
		expect(stdout).toContain('→ "Blast! Rupert, the ray gun."');
		expect(stdout).toMatch(/time {2}\d+\.\d{3} ms per reply/);
	});

	it('writes JSON with --json, and names the field of a bad line', async () => {
		const file = jsonl([JSON.stringify(labeled[0]), JSON.stringify({ ...labeled[1], label: 'maybe' })]);
		const { code, stdout, stderr } = await runQc(['eval', file, '--json']);
		expect(code).toBe(1);
		expect(stderr).toContain('line 2: label: Invalid option');
		expect(JSON.parse(stdout)).toMatchObject({ file, lines: 1, overall: { truePositives: 0, trueNegatives: 1 } });
	});

	it('evaluates the shipped corpus, development and held-out parts, when given no file', async () => {
		const { code, stdout } = await runQc(['eval', '--json']);
		expect(code).toBe(0);
		const reports = stdout
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as { file: string; lines: number });
		expect(reports.map((report) => report.file.replace(/^.*corpus\//u, ''))).toEqual(['dev.jsonl', 'heldout.jsonl']);
		for (const report of reports) expect(report.lines).toBeGreaterThan(200);
	});
});
