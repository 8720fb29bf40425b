import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';

/** What a prompt hash covers. */
export interface PromptHashInput {
	readonly model: string;
	readonly modelDigest: string | undefined;
	readonly messages: readonly { readonly role: string; readonly content: string; readonly images?: readonly string[] }[];
	readonly format: unknown;
}

// A lone surrogate has no UTF-8 form (the hash would read it as U+FFFD): a text holding one goes in JSON-escaped.
const loneSurrogate = /\p{Cs}/u;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * SHA-256 (hex) of the model, what serves it, the format and the messages, pictures counted by their own SHA-256.
 * Message texts, the bulk of a prompt, go in as they are after their length instead of JSON-escaped (escaping cost as
 * much as hashing); the rest of each message and the header as canonical JSON. Equal prompts hash the same, and
 * different ones differently, whatever their key order.
 */
export function hashPrompt(input: PromptHashInput): string {
	let text = canonicalJson({ model: input.model, digest: input.modelDigest ?? null, format: input.format ?? null, messages: input.messages.length });
	for (const message of input.messages) {
		const { content, ...rest } = message;
		// A picture counts by its hash: the same words about another picture are another question.
		const details = rest.images?.length ? { ...rest, images: rest.images.map(sha256) } : rest;
		const body = loneSurrogate.test(content) ? `json ${JSON.stringify(content)}` : `text ${content}`;
		text += `\n${canonicalJson(details)}\n${body.length}\n${body}`;
	}
	return sha256(text);
}
