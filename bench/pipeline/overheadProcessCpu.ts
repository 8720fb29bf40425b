import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** CPU seconds (user + system) a process has used so far, from `/proc/<pid>/stat`; NaN when it cannot be read. */
export function overheadProcessCpu(pid: number | undefined): number {
	if (pid === undefined) return Number.NaN;
	try {
		ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
		// The command name (field 2) may hold spaces; fields after its closing parenthesis are space-separated.
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
		return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
	} catch {
		return Number.NaN;
	}
}
