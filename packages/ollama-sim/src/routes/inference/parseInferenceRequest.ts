import { z } from 'zod';
import { BadRequestError } from '../../http/BadRequestError.js';
import { jsonKind } from '../../http/readJsonBody.js';
import { decodeGoBase64 } from '../../images/decodeGoBase64.js';
import type { SimImage } from '../../images/SimImage.js';
import { describeImage } from '../../images/describeImage.js';
import { parseKeepAlive } from '../../time/parseKeepAlive.js';

/** A chat or generate request, reduced to what the simulator acts on. */
export interface InferenceRequest {
	readonly kind: 'chat' | 'generate';
	/** The model as the client spelled it (echoed back in every chunk). */
	readonly model: string;
	/** Chat messages, or for generate the system prompt and the prompt as two messages. */
	readonly messages: { role: string; content: string }[];
	/** The images of every message (generate's `images` belong to the prompt, the last message), in order. */
	readonly images: readonly SimImage[];
	/** No messages (chat) or an empty prompt (generate): a load or unload request. */
	readonly isLoadRequest: boolean;
	readonly stream: boolean;
	/** Thinking was asked for (`think: true` or a level); simulated models cannot think. */
	readonly think: boolean;
	/** `json`, a JSON schema object, or undefined. */
	readonly format: 'json' | Record<string, unknown> | undefined;
	/** Milliseconds, Infinity for "forever", undefined for the server default. */
	readonly keepAliveMs: number | undefined;
	readonly options: {
		readonly numPredict?: number;
		readonly stop?: string[];
		readonly seed?: number;
		readonly temperature?: number;
		readonly numCtx?: number;
	};
}

// Go's encoding/json leaves a null element of a []byte list as an empty image rather than refusing it.
const imagesSchema = z.array(z.string().nullable()).nullish();
const messageSchema = z.object({ role: z.string(), content: z.string().optional(), images: imagesSchema }).loose();
const shared = {
	model: z.string().optional(),
	stream: z.boolean().nullish(),
	format: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
	keep_alive: z.unknown().optional(),
	options: z.record(z.string(), z.unknown()).nullish(),
	think: z.union([z.boolean(), z.string()]).nullish(),
};
const schemas = {
	chat: z.object({ ...shared, messages: z.array(messageSchema).nullish() }).loose(),
	generate: z.object({ ...shared, prompt: z.string().nullish(), system: z.string().nullish(), images: imagesSchema }).loose(),
};
const goTypes = { chat: 'ChatRequest', generate: 'GenerateRequest' } as const;

/** Validates a chat or generate body, failing with Ollama's 400 texts. */
export function parseInferenceRequest(kind: 'chat' | 'generate', body: Record<string, unknown>): InferenceRequest {
	const result = schemas[kind].safeParse(body);
	if (!result.success) {
		const issue = result.error.issues[0];
		const path = issue?.path ?? [];
		const value = path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], body);
		const expected = issue && 'expected' in issue ? String(issue.expected) : 'the documented type';
		throw new BadRequestError(`json: cannot unmarshal ${jsonKind(value)} into Go struct field ${goTypes[kind]}.${path.join('.')} of type ${expected}`);
	}
	const data = result.data as z.infer<(typeof schemas)['chat']> & z.infer<(typeof schemas)['generate']>;
	const format = data.format ?? undefined;
	if (typeof format === 'string' && format !== 'json' && format !== '') throw new BadRequestError('invalid format: expected "json" or a valid JSON schema');
	let keepAliveMs: number | undefined;
	try {
		keepAliveMs = parseKeepAlive(data.keep_alive);
	} catch (error) {
		throw new BadRequestError((error as Error).message);
	}
	const messages =
		kind === 'chat'
			? (data.messages ?? []).map((message) => ({ role: message.role, content: message.content ?? '' }))
			: [...(data.system ? [{ role: 'system', content: data.system }] : []), { role: 'user', content: data.prompt ?? '' }];
	const imageLists = kind === 'chat' ? (data.messages ?? []).map((message) => message.images ?? []) : [...messages.slice(1).map(() => []), data.images ?? []];
	const images = imageLists.flatMap((list, message) => list.map((image) => describeImage(decodeGoBase64(image ?? ''), message)));
	return {
		kind,
		model: data.model ?? '',
		messages,
		images,
		isLoadRequest: kind === 'chat' ? messages.length === 0 : (data.prompt ?? '') === '',
		stream: data.stream ?? true,
		think: data.think !== undefined && data.think !== null && data.think !== false,
		format: format === '' ? undefined : format,
		keepAliveMs,
		options: parseModelOptions(data.options ?? {}),
	};
}

function parseModelOptions(options: Record<string, unknown>): InferenceRequest['options'] {
	const number = (key: string): number | undefined => {
		const value = options[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'number' || !Number.isFinite(value)) throw new BadRequestError(`option "${key}" must be of type number`);
		return value;
	};
	const stopValue = options.stop;
	if (stopValue !== undefined && stopValue !== null && !(Array.isArray(stopValue) && stopValue.every((item) => typeof item === 'string'))) {
		throw new BadRequestError('option "stop" must be of type array of strings');
	}
	const parsed = {
		numPredict: number('num_predict'),
		seed: number('seed'),
		temperature: number('temperature'),
		numCtx: number('num_ctx'),
		stop: stopValue ?? undefined,
	};
	return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as InferenceRequest['options'];
}
