import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = 'packages/ollama-sim/bin/ollama-sim.ts';

/** The simulator's CLI as a process, with everything it printed so far. */
export interface SimCli {
	readonly child: ChildProcessByStdio<null, Readable, Readable>;
	output(): { stdout: string; stderr: string };
}

/** Starts `ollama-sim` with the given arguments, as `npm run sim` does. */
export function runSimCli(args: string[]): SimCli {
	const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (data: Buffer) => {
		stdout += data.toString();
	});
	child.stderr.on('data', (data: Buffer) => {
		stderr += data.toString();
	});
	return { child, output: () => ({ stdout, stderr }) };
}

/** The URL the CLI prints on its first line of standard output, waiting up to `timeoutMs` (empty if none came). */
export async function simCliUrl(cli: SimCli, timeoutMs = 20_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	while (!cli.output().stdout.includes('\n') && Date.now() < deadline && cli.child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
	return cli.output().stdout.trim();
}
