import { parseArgs } from 'node:util';
import { type SimFault, simFaults } from '../behavior/SimBehavior.js';
import type { OllamaSimOptions, SimApi, SimModelOptions } from '../options/OllamaSimOptions.js';
import { type SloppyKind, sloppyKinds } from '../sloppy/sloppyKinds.js';
import { parseKeepAlive } from '../time/parseKeepAlive.js';

/** What the command line asked for. */
export interface CliRequest {
	readonly help: boolean;
	readonly options: OllamaSimOptions;
}

/** The port the CLI takes when none is given: Ollama's own, so clients need no setting. */
export const defaultCliPort = 11434;

const flags = {
	port: { type: 'string' },
	host: { type: 'string' },
	models: { type: 'string' },
	parallel: { type: 'string' },
	'num-parallel': { type: 'string' },
	'max-queue': { type: 'string' },
	'tokens-per-second': { type: 'string' },
	'prompt-tokens-per-second': { type: 'string' },
	'ttft-ms': { type: 'string' },
	'load-ms': { type: 'string' },
	'keep-alive': { type: 'string' },
	preloaded: { type: 'boolean' },
	preload: { type: 'string' },
	'reply-tokens': { type: 'string' },
	fault: { type: 'string' },
	'fault-rate': { type: 'string' },
	'fault-scope': { type: 'string' },
	slow: { type: 'string' },
	forget: { type: 'string' },
	sloppy: { type: 'string' },
	'sloppy-kinds': { type: 'string' },
	name: { type: 'string' },
	'num-ctx': { type: 'string' },
	'pull-ms': { type: 'string' },
	api: { type: 'string' },
	'api-key': { type: 'string' },
	'retry-after': { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const;

/** Parses `ollama-sim` arguments; throws an Error naming the flag and the problem. */
export function parseCliArgs(argv: readonly string[]): CliRequest {
	let values: ReturnType<typeof parseArgs<{ options: typeof flags; strict: true; allowPositionals: false }>>['values'];
	try {
		({ values } = parseArgs({ args: [...argv], options: flags, strict: true, allowPositionals: false }));
	} catch (error) {
		throw new Error(`${(error as Error).message}. Run ollama-sim --help for the flags.`, { cause: error });
	}
	const number = (flag: keyof typeof flags): number | undefined => {
		const raw = values[flag];
		if (typeof raw !== 'string') return undefined;
		const value = Number(raw);
		if (raw.trim() === '' || !Number.isFinite(value)) throw new Error(`--${flag} must be a number; got ${JSON.stringify(raw)}`);
		return value;
	};
	const list = (raw: string | undefined) =>
		raw
			?.split(',')
			.map((item) => item.trim())
			.filter((item) => item !== '');
	const fault = values.fault;
	if (fault !== undefined && !simFaults.includes(fault as SimFault))
		throw new Error(`--fault must be one of ${simFaults.join(', ')}; got ${JSON.stringify(fault)}`);
	const scope = values['fault-scope'];
	if (scope !== undefined && scope !== 'inference' && scope !== 'all') throw new Error(`--fault-scope must be inference or all; got ${JSON.stringify(scope)}`);
	const api = values.api;
	if (api !== undefined && api !== 'both' && api !== 'openai') throw new Error(`--api must be both or openai; got ${JSON.stringify(api)}`);
	// The key itself is never echoed, not even when it is refused.
	if (values['api-key'] !== undefined && values['api-key'].trim() === '') throw new Error('--api-key must not be empty');
	const sloppy = number('sloppy');
	if (sloppy !== undefined && !(sloppy >= 0 && sloppy <= 1)) throw new Error(`--sloppy must be a share 0..1; got ${JSON.stringify(values.sloppy)}`);
	const kinds = list(values['sloppy-kinds']);
	const unknownKind = kinds?.find((kind) => !sloppyKinds.includes(kind as SloppyKind));
	if (unknownKind !== undefined) throw new Error(`--sloppy-kinds takes kinds from ${sloppyKinds.join(', ')}; got ${JSON.stringify(unknownKind)}`);
	if (kinds?.length === 0) throw new Error(`--sloppy-kinds must list at least one kind; got ${JSON.stringify(values['sloppy-kinds'])}`);
	let keepAliveMs: number | undefined;
	if (values['keep-alive'] !== undefined) {
		try {
			const raw = values['keep-alive'];
			keepAliveMs = parseKeepAlive(/^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
		} catch (error) {
			throw new Error(`--keep-alive must be seconds or a duration like 5m, 1h, -1 (forever); ${(error as Error).message}`, { cause: error });
		}
	}
	const behavior = {
		...(fault === undefined ? {} : { fault: fault as SimFault }),
		...definedEntry('faultRate', number('fault-rate')),
		...definedEntry('slowFactor', number('slow')),
		...(scope === undefined ? {} : { faultScope: scope as 'inference' | 'all' }),
		...definedEntry('forgottenModels', list(values.forget)),
		...definedEntry('sloppyKinds', kinds as SloppyKind[] | undefined),
		...definedEntry('retryAfterSeconds', number('retry-after')),
	};
	const options: OllamaSimOptions = {
		port: number('port') ?? defaultCliPort,
		...definedEntry('host', values.host),
		...definedEntry('models', list(values.models)?.map(parseModelFlag)),
		...definedEntry('numParallel', number('parallel') ?? number('num-parallel')),
		...definedEntry('maxQueue', number('max-queue')),
		...definedEntry('tokensPerSecond', number('tokens-per-second')),
		...definedEntry('promptTokensPerSecond', number('prompt-tokens-per-second')),
		...definedEntry('timeToFirstTokenMs', number('ttft-ms')),
		...definedEntry('loadMs', number('load-ms')),
		...definedEntry('keepAliveMs', keepAliveMs),
		...definedEntry('preloaded', values.preloaded === true ? true : list(values.preload)),
		...definedEntry('replyTokens', number('reply-tokens')),
		...definedEntry('name', values.name),
		...definedEntry('defaultNumCtx', number('num-ctx')),
		...definedEntry('pullMs', number('pull-ms')),
		...definedEntry('sloppy', sloppy),
		...definedEntry('api', api as SimApi | undefined),
		...definedEntry('apiKey', values['api-key']),
		...(Object.keys(behavior).length > 0 ? { behavior } : {}),
	};
	return { help: values.help === true, options };
}

// `name=40` gives one model its own token rate.
function parseModelFlag(item: string): string | SimModelOptions {
	const [name = '', rate] = item.split('=');
	if (rate === undefined) return name;
	const tokensPerSecond = Number(rate);
	if (!(tokensPerSecond > 0)) throw new Error(`--models: the rate after "=" must be a positive number of tokens per second; got ${JSON.stringify(item)}`);
	return { name, tokensPerSecond };
}

function definedEntry<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
	return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value };
}
