import { z } from 'zod';
import { DefaultSimBehavior, type SimBehavior } from '../behavior/SimBehavior.js';
import { simBehaviorSchema } from '../behavior/simBehaviorSchema.js';
import { DefaultOllamaSimOptions, type OllamaSimOptions } from './OllamaSimOptions.js';

/** {@link OllamaSimOptions} with every default applied and every value checked. */
export type ResolvedSimOptions = Required<Omit<OllamaSimOptions, 'behavior' | 'apiKey'>> & {
	readonly behavior: Required<SimBehavior>;
	readonly apiKey: string | undefined;
};

const positive = z.number({ error: 'must be a number' }).positive('must be greater than 0');
const nonNegative = z.number({ error: 'must be a number' }).min(0, 'must be 0 or more');
const wholeAtLeastOne = z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1');

const optionsSchema = z.object({
	port: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0-65535').max(65535, 'must be 0-65535'),
	host: z.string().min(1, 'must not be empty'),
	models: z
		.array(z.union([z.string().min(1, 'must not be empty'), z.object({ name: z.string().min(1, 'must not be empty') }).loose()]))
		.min(1, 'must list at least one model'),
	numParallel: wholeAtLeastOne,
	maxQueue: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more'),
	tokensPerSecond: positive,
	promptTokensPerSecond: positive,
	timeToFirstTokenMs: nonNegative,
	loadMs: nonNegative,
	keepAliveMs: z.union([nonNegative, z.literal(Number.POSITIVE_INFINITY)], { error: 'must be 0 or more milliseconds, or Infinity for forever' }),
	replyTokens: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more'),
	defaultNumCtx: wholeAtLeastOne,
	pullMs: nonNegative,
	name: z.string().min(1, 'must not be empty'),
	sloppy: z.number({ error: 'must be a number' }).min(0, 'must be 0..1').max(1, 'must be 0..1'),
	api: z.enum(['both', 'openai'], { error: 'must be both or openai' }),
	apiKey: z.string().min(1, 'must not be empty').optional(),
});

/** Applies defaults and validates; throws one error naming every bad option, e.g. `numParallel: must be at least 1; got 0`. */
export function resolveOptions(options: OllamaSimOptions = {}): ResolvedSimOptions {
	const merged = { ...DefaultOllamaSimOptions, ...stripUndefined(options) };
	const problems: string[] = [];
	const result = optionsSchema.safeParse(merged);
	if (!result.success) {
		for (const issue of result.error.issues) {
			const value = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], merged);
			// The key is a secret: name its problem, never echo it.
			const shown = issue.path[0] === 'apiKey' ? '' : `; got ${JSON.stringify(value)}`;
			problems.push(`${issue.path.join('.')}: ${issue.message}${shown}`);
		}
	}
	const behavior = simBehaviorSchema.safeParse(options.behavior ?? {});
	if (!behavior.success) for (const issue of behavior.error.issues) problems.push(`behavior.${issue.path.join('.')}: ${issue.message}`);
	if (options.sloppy !== undefined && options.behavior?.sloppy !== undefined && options.sloppy !== options.behavior.sloppy) {
		problems.push(`sloppy: conflicts with behavior.sloppy; give one of them; got ${options.sloppy} and ${options.behavior.sloppy}`);
	}
	if (problems.length > 0) throw new RangeError(`Invalid OllamaSimOptions:\n  - ${problems.join('\n  - ')}`);
	return {
		...merged,
		apiKey: options.apiKey,
		models: [...merged.models],
		preloaded: Array.isArray(merged.preloaded) ? [...merged.preloaded] : merged.preloaded,
		scripts: [...merged.scripts],
		behavior: {
			...DefaultSimBehavior,
			...(behavior.data as Partial<SimBehavior>),
			...(options.sloppy === undefined ? {} : { sloppy: options.sloppy }),
			forgottenModels: [...(behavior.data?.forgottenModels ?? [])],
			sloppyKinds: [...(behavior.data?.sloppyKinds ?? DefaultSimBehavior.sloppyKinds)],
		},
	};
}

function stripUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
