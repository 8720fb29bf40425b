import { readFileSync } from 'node:fs';
import { resolveFromRoot } from '@charbot/core';
import { parse } from 'yaml';
import { type ComposeEnvironment, composeVariableNames, interpolateCompose } from './composeInterpolation.js';

/** The parts of a Compose service these checks read; everything else stays `unknown`. */
export interface ComposeService {
	readonly image?: string;
	readonly build?: string | { readonly context?: string; readonly dockerfile?: string };
	readonly command?: string | readonly string[];
	readonly entrypoint?: string | readonly string[];
	readonly environment?: Readonly<Record<string, string | number | boolean | null>> | readonly string[];
	readonly env_file?: string | readonly (string | { readonly path: string; readonly required?: boolean })[];
	readonly depends_on?: readonly string[] | Readonly<Record<string, { readonly condition?: string; readonly required?: boolean }>>;
	readonly healthcheck?: { readonly test?: string | readonly string[]; readonly disable?: boolean };
	readonly ports?: readonly (string | number | { readonly published?: string | number; readonly target: number; readonly host_ip?: string })[];
	readonly volumes?: readonly (string | { readonly type?: string; readonly source?: string; readonly target: string })[];
	readonly networks?: readonly string[] | Readonly<Record<string, unknown>>;
	readonly restart?: string;
	readonly stop_grace_period?: string;
	readonly deploy?: { readonly replicas?: number | string };
}

/** A Compose file as these checks see it. */
export interface ComposeFile {
	readonly name?: string;
	readonly services: Readonly<Record<string, ComposeService>>;
	readonly volumes?: Readonly<Record<string, unknown>>;
	readonly networks?: Readonly<Record<string, unknown>>;
}

/** The repository's docker-compose.yaml: its text, the YAML (merge keys applied) and interpolation. */
export interface LoadedComposeFile {
	readonly path: string;
	readonly text: string;
	/** As written: `${...}` not expanded yet. */
	readonly raw: ComposeFile;
	/** Every `${VAR}` name used anywhere in a value, once each. */
	readonly variables: readonly string[];
	/** The file as `docker compose` would see it with these variables set (and no others). */
	resolve(env: ComposeEnvironment): ComposeFile;
}

/** Reads and parses docker-compose.yaml at the repository root. */
export function loadComposeFile(relativePath = 'docker-compose.yaml'): LoadedComposeFile {
	const path = resolveFromRoot(relativePath);
	const text = readFileSync(path, 'utf8');
	// Compose honours YAML merge keys (`<<: *app`); the `x-` extension fields are only anchors.
	const raw = parse(text, { merge: true }) as ComposeFile;
	const variables = new Set<string>();
	mapStrings(raw, (value) => {
		for (const name of composeVariableNames(value)) variables.add(name);
		return value;
	});
	return {
		path,
		text,
		raw,
		variables: [...variables],
		resolve: (env) => mapStrings(raw, (value) => interpolateCompose(value, env)) as ComposeFile,
	};
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
	if (typeof value === 'string') return map(value);
	if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
	}
	return value;
}
