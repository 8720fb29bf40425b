/** One instruction of a Dockerfile, continuation lines joined. */
export interface DockerInstruction {
	/** Upper-case keyword: FROM, COPY, RUN, USER... */
	readonly keyword: string;
	/** `--name=value` flags before the arguments (`--from=deps`, `--chown=node`). */
	readonly flags: Readonly<Record<string, string>>;
	/** The arguments: JSON (exec) form parsed, shell form split on whitespace. */
	readonly args: readonly string[];
	/** The arguments as written, after the flags. */
	readonly text: string;
}

/** One build stage: its FROM and what follows until the next FROM. */
export interface DockerStage {
	/** The image or stage it starts from, build args expanded. */
	readonly from: string;
	readonly name: string | undefined;
	readonly instructions: readonly DockerInstruction[];
}

/** A parsed Dockerfile: `ARG`s before the first FROM (with defaults) and the stages. */
export interface ParsedDockerfile {
	readonly globalArgs: Readonly<Record<string, string>>;
	readonly stages: readonly DockerStage[];
}

/** Parses the subset of Dockerfile syntax the ops checks need (no heredocs, `\` as escape character). */
export function parseDockerfile(text: string): ParsedDockerfile {
	const globalArgs: Record<string, string> = {};
	const stages: { from: string; name: string | undefined; instructions: DockerInstruction[] }[] = [];
	for (const instruction of readInstructions(text)) {
		if (instruction.keyword === 'ARG' && stages.length === 0) {
			const [name, value = ''] = (instruction.args[0] ?? '').split('=', 2);
			if (name) globalArgs[name] = value;
			continue;
		}
		if (instruction.keyword === 'FROM') {
			const [image = '', as, name] = instruction.args;
			const from = image.replace(/\$\{?(\w+)\}?/g, (_, arg: string) => globalArgs[arg] ?? '');
			stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
			continue;
		}
		stages.at(-1)?.instructions.push(instruction);
	}
	return { globalArgs, stages };
}

function readInstructions(text: string): DockerInstruction[] {
	const instructions: DockerInstruction[] = [];
	let pending = '';
	for (const line of text.split('\n')) {
		const trimmed = line.trim();
		// Comment and empty lines end nothing: they may sit between continuation lines.
		if (trimmed.startsWith('#') || trimmed === '') continue;
		if (trimmed.endsWith('\\')) {
			pending += `${trimmed.slice(0, -1)} `;
			continue;
		}
		pending += trimmed;
		if (pending.trim() !== '') instructions.push(toInstruction(pending.trim()));
		pending = '';
	}
	if (pending.trim() !== '') instructions.push(toInstruction(pending.trim()));
	return instructions;
}

function toInstruction(line: string): DockerInstruction {
	const [keyword = '', ...rest] = line.split(/\s+/);
	const flags: Record<string, string> = {};
	let remainder = rest.join(' ');
	for (;;) {
		const flag = /^--([\w-]+)(?:=(\S*))?\s*/.exec(remainder);
		// HEALTHCHECK's flags come before CMD; RUN --mount too. JSON form never starts with "--".
		if (flag === null) break;
		flags[flag[1] ?? ''] = flag[2] ?? 'true';
		remainder = remainder.slice(flag[0].length);
	}
	let args: string[];
	if (remainder.startsWith('[')) {
		try {
			args = JSON.parse(remainder) as string[];
		} catch {
			args = remainder.split(/\s+/);
		}
	} else {
		args = remainder.split(/\s+/).filter(Boolean);
	}
	return { keyword: keyword.toUpperCase(), flags, args, text: remainder };
}
