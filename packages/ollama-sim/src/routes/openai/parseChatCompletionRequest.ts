import { z } from 'zod';
import { BadRequestError } from '../../http/BadRequestError.js';
import { decodeGoBase64 } from '../../images/decodeGoBase64.js';
import { describeImage } from '../../images/describeImage.js';
import type { SimImage } from '../../images/SimImage.js';
import type { InferenceRequest } from '../inference/parseInferenceRequest.js';
import { OpenAiError } from './OpenAiError.js';

/** A `/v1/chat/completions` request: the shared inference request, and what only OpenAI's wire needs. */
export interface ChatCompletionRequest {
	readonly inference: InferenceRequest;
	/** `stream_options.include_usage`: a last chunk with `usage` and no choices before `[DONE]`. */
	readonly includeUsage: boolean;
}

// Ollama's OpenAI layer defaults to 1.0 when a request gives none (OpenAI's own default), not to its native 0.8.
const openAiDefaultTemperature = 1;
const dataUrlPattern = /^data:image\/[\w.+-]+;base64,/;

const textPart = z.object({ type: z.literal('text'), text: z.string({ error: 'must be a string' }) }).loose();
const imagePart = z
	.object({
		type: z.literal('image_url'),
		image_url: z.object({ url: z.string({ error: 'must be a string' }), detail: z.string().optional() }, { error: 'must be an object with a url' }).loose(),
	})
	.loose();
const contentPart = z.discriminatedUnion('type', [textPart, imagePart], { error: 'must be a part of type text or image_url' });
const messageSchema = z
	.object({
		role: z.enum(['system', 'developer', 'user', 'assistant', 'tool'], { error: 'must be one of system, developer, user, assistant, tool' }),
		content: z.union([z.string(), z.array(contentPart)], { error: 'must be a string or an array of content parts' }).nullish(),
	})
	.loose();
const count = z.number({ error: 'must be an integer' }).int('must be an integer').min(1, 'must be at least 1');
const number = (min: number, max: number) =>
	z.number({ error: 'must be a number' }).min(min, `must be ${min}..${max}`).max(max, `must be ${min}..${max}`).nullish();
const responseFormatSchema = z.discriminatedUnion(
	'type',
	[
		z.object({ type: z.literal('text') }).loose(),
		z.object({ type: z.literal('json_object') }).loose(),
		z
			.object({
				type: z.literal('json_schema'),
				json_schema: z
					.object(
						{
							name: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
							schema: z.record(z.string(), z.unknown(), { error: 'must be a JSON schema object' }).optional(),
							strict: z.boolean({ error: 'must be a boolean' }).nullish(),
						},
						{ error: 'must be an object with a name and a schema' },
					)
					.loose(),
			})
			.loose(),
	],
	{ error: 'must have type text, json_object or json_schema' },
);
const chatCompletionSchema = z
	.object({
		model: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
		messages: z.array(messageSchema, { error: 'must be an array of messages' }).min(1, 'must hold at least one message'),
		stream: z.boolean({ error: 'must be a boolean' }).nullish(),
		stream_options: z
			.object({ include_usage: z.boolean({ error: 'must be a boolean' }).nullish() }, { error: 'must be an object' })
			.loose()
			.nullish(),
		max_tokens: count.nullish(),
		max_completion_tokens: count.nullish(),
		temperature: number(0, 2),
		top_p: number(0, 1),
		stop: z
			.union([z.string(), z.array(z.string({ error: 'must be a string' })).max(4, 'must hold at most 4 sequences')], {
				error: 'must be a string or an array of strings',
			})
			.nullish(),
		seed: z.number({ error: 'must be an integer' }).int('must be an integer').nullish(),
		n: z.literal(1, { error: 'must be 1: the simulator writes one choice' }).nullish(),
		frequency_penalty: number(-2, 2),
		presence_penalty: number(-2, 2),
		// Sampling parameters vLLM and llama.cpp's server take beyond OpenAI's; validated, without effect on simulated text.
		top_k: z.number({ error: 'must be an integer' }).int('must be an integer').nullish(),
		repetition_penalty: z.number({ error: 'must be a number' }).positive('must be greater than 0').nullish(),
		repeat_penalty: z.number({ error: 'must be a number' }).min(0, 'must be 0 or more').nullish(),
		response_format: responseFormatSchema.nullish(),
	})
	.loose();

/** Validates a `/v1/chat/completions` body; throws {@link OpenAiError} 400 naming the field (`param`), as OpenAI does. */
export function parseChatCompletionRequest(body: Record<string, unknown>): ChatCompletionRequest {
	const result = chatCompletionSchema.safeParse(body);
	if (!result.success) {
		const issue = mostSpecificIssue(result.error.issues[0]);
		const path = issue?.path ?? [];
		const param = formatParam(path);
		const value = path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], body);
		if (value === undefined && issue?.code === 'invalid_type')
			throw new OpenAiError(400, `Missing required parameter: '${param}'.`, 'invalid_request_error', 'missing_required_parameter', param);
		throw new OpenAiError(400, `Invalid value for '${param}': ${issue?.message ?? 'invalid'}.`, 'invalid_request_error', 'invalid_value', param);
	}
	const data = result.data;
	const images: SimImage[] = [];
	const messages = data.messages.map((message, messageIndex) => {
		const { content } = message;
		if (typeof content === 'string' || content === undefined || content === null) return { role: message.role, content: content ?? '' };
		const texts: string[] = [];
		content.forEach((part, partIndex) => {
			if (part.type === 'text') texts.push(part.text);
			else images.push(describeImage(decodeDataUrl(part.image_url.url, `messages[${messageIndex}].content[${partIndex}].image_url.url`), messageIndex));
		});
		return { role: message.role, content: texts.join('\n') };
	});
	const format = data.response_format;
	const maxTokens = data.max_completion_tokens ?? data.max_tokens ?? undefined;
	const stop = data.stop === undefined || data.stop === null ? undefined : typeof data.stop === 'string' ? [data.stop] : data.stop;
	return {
		inference: {
			kind: 'chat',
			model: data.model,
			messages,
			images,
			isLoadRequest: false,
			stream: data.stream ?? false,
			think: false,
			format:
				format === undefined || format === null || format.type === 'text'
					? undefined
					: format.type === 'json_object' || format.json_schema.schema === undefined
						? 'json'
						: format.json_schema.schema,
			keepAliveMs: undefined,
			options: {
				temperature: data.temperature ?? openAiDefaultTemperature,
				...(maxTokens === undefined ? {} : { numPredict: maxTokens }),
				...(stop === undefined ? {} : { stop }),
				...(data.seed === undefined || data.seed === null ? {} : { seed: data.seed }),
			},
		},
		includeUsage: data.stream_options?.include_usage === true,
	};
}

// The simulator never fetches: only images carried in the request itself can be seen.
function decodeDataUrl(url: string, param: string): Uint8Array {
	const prefix = dataUrlPattern.exec(url)?.[0];
	if (prefix === undefined) {
		throw new OpenAiError(
			400,
			`Invalid image in '${param}': the simulator never fetches images; send a data URL (data:image/png;base64,...).`,
			'invalid_request_error',
			'invalid_image_url',
			param,
		);
	}
	try {
		return decodeGoBase64(url.slice(prefix.length));
	} catch (error) {
		if (!(error instanceof BadRequestError)) throw error;
		throw new OpenAiError(400, `Invalid image in '${param}': ${error.message}.`, 'invalid_request_error', 'invalid_image_url', param);
	}
}

// A union's own message says only that no branch fit; the branch that got furthest names the real problem.
function mostSpecificIssue(issue: z.core.$ZodIssue | undefined): z.core.$ZodIssue | undefined {
	if (issue?.code !== 'invalid_union' || issue.errors.length === 0) return issue;
	const deepest = issue.errors
		.flatMap((branch) => branch.slice(0, 1))
		.reduce<z.core.$ZodIssue | undefined>((best, candidate) => (best === undefined || candidate.path.length > best.path.length ? candidate : best), undefined);
	if (deepest === undefined || deepest.path.length === 0) return issue;
	return mostSpecificIssue({ ...deepest, path: [...issue.path, ...deepest.path] });
}

// OpenAI names nested fields as `messages[0].content`.
function formatParam(path: readonly PropertyKey[]): string {
	return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}
