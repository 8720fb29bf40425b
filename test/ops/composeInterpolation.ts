/** Variables as Compose sees them: unset is `undefined`, which differs from `''` for `-`, `?` and `+`. */
export type ComposeEnvironment = Readonly<Record<string, string | undefined>>;

type Part = { readonly text: string } | { readonly name: string; readonly operator: Operator | undefined; readonly argument: readonly Part[] };
type Operator = ':-' | '-' | ':?' | '?' | ':+' | '+';

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*/;
const operators: readonly Operator[] = [':-', ':?', ':+', '-', '?', '+'];

/** Thrown for `${NAME:?message}` when NAME is unset (or empty), as `docker compose` fails. */
export class MissingComposeVariableError extends Error {
	public constructor(
		public readonly variable: string,
		message: string,
	) {
		super(`required variable ${variable} is missing a value: ${message}`);
		this.name = 'MissingComposeVariableError';
	}
}

/**
 * Expands Compose's interpolation in one string value: `$$`, `$NAME`, `${NAME}`, and `${NAME:-x}`,
 * `-`, `:?`, `?`, `:+`, `+`, with nested `${...}` in `x` (the compose-spec's interpolation rules).
 */
export function interpolateCompose(value: string, env: ComposeEnvironment): string {
	return evaluate(parse(value), env);
}

/** Every variable name a value refers to, including those only inside a default. */
export function composeVariableNames(value: string): string[] {
	const names: string[] = [];
	const visit = (parts: readonly Part[]) => {
		for (const part of parts) {
			if ('name' in part) {
				names.push(part.name);
				visit(part.argument);
			}
		}
	};
	visit(parse(value));
	return names;
}

function parse(value: string): Part[] {
	const { parts, end } = parseUntil(value, 0, false);
	if (end !== value.length) throw new Error(`unexpected "}" at ${end} in ${JSON.stringify(value)}`);
	return parts;
}

function parseUntil(value: string, start: number, insideBraces: boolean): { parts: Part[]; end: number } {
	const parts: Part[] = [];
	let text = '';
	let index = start;
	while (index < value.length) {
		const char = value[index];
		if (insideBraces && char === '}') break;
		if (char !== '$') {
			text += char;
			index += 1;
			continue;
		}
		const next = value[index + 1];
		if (next === '$') {
			text += '$';
			index += 2;
			continue;
		}
		if (next === '{') {
			const name = namePattern.exec(value.slice(index + 2))?.[0];
			if (name === undefined) throw new Error(`invalid interpolation at ${index} in ${JSON.stringify(value)}`);
			let cursor = index + 2 + name.length;
			const operator = operators.find((candidate) => value.startsWith(candidate, cursor));
			let argument: Part[] = [];
			if (operator !== undefined) {
				const inner = parseUntil(value, cursor + operator.length, true);
				argument = inner.parts;
				cursor = inner.end;
			}
			if (value[cursor] !== '}') throw new Error(`unclosed \${${name} in ${JSON.stringify(value)}`);
			if (text) parts.push({ text });
			text = '';
			parts.push({ name, operator, argument });
			index = cursor + 1;
			continue;
		}
		const name = namePattern.exec(value.slice(index + 1))?.[0];
		if (name === undefined) throw new Error(`a lone "$" at ${index} in ${JSON.stringify(value)}: write "$$" for a literal dollar`);
		if (text) parts.push({ text });
		text = '';
		parts.push({ name, operator: undefined, argument: [] });
		index += 1 + name.length;
	}
	if (text) parts.push({ text });
	return { parts, end: index };
}

function evaluate(parts: readonly Part[], env: ComposeEnvironment): string {
	return parts
		.map((part) => {
			if ('text' in part) return part.text;
			const value = env[part.name];
			const isSet = value !== undefined;
			const isFilled = isSet && value !== '';
			switch (part.operator) {
				case undefined:
					return value ?? '';
				case ':-':
					return isFilled ? value : evaluate(part.argument, env);
				case '-':
					return isSet ? value : evaluate(part.argument, env);
				case ':?':
				case '?':
					if (part.operator === ':?' ? isFilled : isSet) return value;
					throw new MissingComposeVariableError(part.name, evaluate(part.argument, env));
				case ':+':
					return isFilled ? evaluate(part.argument, env) : '';
				case '+':
					return isSet ? evaluate(part.argument, env) : '';
			}
		})
		.join('');
}
