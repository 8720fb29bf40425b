import { ContextOverflowError, HostBusyError, InvalidRequestError, type LlmError, ModelCannotSeeError, UpstreamError } from '../../errors/LlmError.js';
import { ModelMissingOnHostError } from '../../generation/chatOnHost.js';
import { errorBodySchema } from './openAiSchemas.js';

/** Longest error body read: enough for any server's message, bounded against a hostile one. */
const MaxErrorBodyBytes = 4096;

const contextOverflow = /context_length_exceeded|maximum context length|context length|context window|too many tokens|exceeds? the (?:available )?context/iu;
const cannotSee = /not a multimodal model|image input is not supported|does not support image|images? (?:are|is) not supported|no vision/iu;

/** Sorts a non-2xx answer of an OpenAI-compatible host into the pool's errors (retry elsewhere, wait, or give up). */
export async function classifyOpenAiFailure(response: Response, host: string, model: string): Promise<LlmError> {
	const { message, code } = await readError(response);
	const detail = `HTTP ${response.status}: ${message}`;
	switch (response.status) {
		case 400:
		case 413:
		case 422:
			if (contextOverflow.test(`${code} ${message}`)) return new ContextOverflowError(host, model, message);
			if (cannotSee.test(message)) return new ModelCannotSeeError(model, host, message);
			return new InvalidRequestError(`${host} rejected the request: ${detail}`);
		case 401:
		case 403:
			// A wrong or missing key is the host's setup, not the request's: other hosts may serve it.
			return new UpstreamError(host, `the API key was refused (${detail}); check OPENAI_API_KEY or the host's apiKeyEnv`);
		case 404:
			return new ModelMissingOnHostError(host, model);
		case 429:
		case 503:
			return new HostBusyError(host, detail, retryAfterMs(response.headers.get('retry-after')));
		default:
			return new UpstreamError(host, detail);
	}
}

async function readError(response: Response): Promise<{ message: string; code: string }> {
	const text = (await response.text().catch(() => '')).slice(0, MaxErrorBodyBytes);
	let parsed: ReturnType<typeof errorBodySchema.safeParse> | undefined;
	try {
		parsed = errorBodySchema.safeParse(JSON.parse(text));
	} catch {
		parsed = undefined;
	}
	if (!parsed?.success) return { message: text.trim().slice(0, 300) || response.statusText, code: '' };
	const { error } = parsed.data;
	if (typeof error === 'string') return { message: error, code: '' };
	return { message: error.message ?? (text.slice(0, 300) || response.statusText), code: String(error.code ?? error.type ?? '') };
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
	if (header === null || header.trim() === '') return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(header);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
