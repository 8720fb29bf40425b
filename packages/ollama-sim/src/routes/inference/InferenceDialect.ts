import type { ServerResponse } from 'node:http';
import type { ComposedReply } from './composeReply.js';
import type { InferenceRefusal } from './InferenceRefusal.js';
import type { InferenceRequest } from './parseInferenceRequest.js';
import type { ReplyWire } from './ReplyWire.js';

/** What differs between the Ollama and the OpenAI routes once a request is parsed; timing, scheduling and text are shared. */
export interface InferenceDialect {
	/** Which API the request came through, as request records name it. */
	readonly api: 'ollama' | 'openai';
	/** `truncate` a prompt beyond the context length, as Ollama does, or `refuse` it with 400, as vLLM does. */
	readonly longPrompts: 'truncate' | 'refuse';
	/** Answers a request that gets no reply. */
	refuse(response: ServerResponse, refusal: InferenceRefusal): void;
	/** The wire format of this request's reply. */
	wire(request: InferenceRequest, reply: ComposedReply): ReplyWire;
}
