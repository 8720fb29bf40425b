/** Where the CLI writes: standard output for results, standard error for problems. */
export interface CliOutput {
	out(line: string): void;
	err(line: string): void;
}
