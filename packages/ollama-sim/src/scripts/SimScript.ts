import type { SimImage } from '../images/SimImage.js';

/** What a scripted reply function sees. */
export interface SimScriptContext {
	model: string;
	/** The last user message of a chat, or the prompt of a generate request. */
	lastUserMessage: string;
	messages: { role: string; content: string }[];
	/** The request's images, in order, each naming the index in {@link messages} of the message that carried it (the simulator always sets it). */
	images?: readonly SimImage[];
	/** The request's `format`: `'json'` or a JSON schema when structured output was asked for. */
	format?: 'json' | Readonly<Record<string, unknown>>;
}

/**
 * A scripted reply: when `match` fits the last user message (a RegExp, or a string found in it, case
 * insensitive) and `model` (if given) is the requested model, the reply is used instead of generated
 * text, `times` times (forever when unset). Scripts win over `format`, so a test can feed a judge bad JSON.
 */
export interface SimScript {
	match: RegExp | string;
	reply: string | ((context: SimScriptContext) => string);
	model?: string;
	times?: number;
}
