/** One thing wrong with one environment variable. */
export interface ConfigProblem {
	readonly variable: string;
	readonly problem: string;
	readonly example: string;
}

/** Thrown at start when the environment is invalid; lists every problem at once, never a secret. */
export class ConfigError extends Error {
	public readonly problems: readonly ConfigProblem[];

	public constructor(problems: readonly ConfigProblem[]) {
		const lines = problems.map((entry) => `${entry.variable}: ${entry.problem}. Example: ${entry.variable}=${entry.example}`);
		// One problem fits on one line, the one a process prints before it exits; several get a list.
		super(
			problems.length === 1
				? `Invalid configuration: ${lines[0]}`
				: `Invalid configuration (${problems.length} problems):\n${lines.map((line) => `  - ${line}`).join('\n')}`,
		);
		this.name = 'ConfigError';
		this.problems = problems;
	}
}
