import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';
import { normalizeReply } from './text/normalizeReply.js';

/**
 * Control tokens and role markers of the common chat-template families, as a model leaks them into its text.
 * Read after NFKC, so DeepSeek's full-width `<｜User｜>` is `<|User|>` here.
 */
const templateTokenPatterns: readonly RegExp[] = [
	// ChatML, Llama 3, Phi, DeepSeek, Qwen: <|im_end|>, <|eot_id|>, <|start_header_id|>, <|end|>, <|User|>, <|end▁of▁sentence|>.
	/<\|[^|<>\n]{1,40}\|>/u,
	// Llama 2 and Mistral.
	/\[\/?(?:INST|SYS)\]/u,
	/<<\/?SYS>>/iu,
	/<\/?s>/u,
	// Gemma, and bare special tokens.
	/<\/?(?:start_of_turn|end_of_turn|bos|eos|eot|pad|unk|endoftext|im_start|im_end|sep|cls)>/iu,
	// The names of those tokens once their brackets are lost.
	/\b(?:im_start|im_end|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|end_of_turn|start_of_turn|endoftext)\b/iu,
	// Alpaca and its kin: "### Response:", "### Instruction".
	/(?:^|\n)[ \t]*#{2,4}[ \t]*(?:instruction|response|input|human|assistant|system|user|context|answer|output)\b/iu,
	// Vicuna's capitalised roles at a line start.
	/(?:^|\n)[ \t]*(?:USER|ASSISTANT|SYSTEM|HUMAN|GPT)[ \t]*:/u,
	// A reasoning model's thinking, and a role word alone on the first line.
	/<\/?think>/iu,
	/^[ \t]*(?:assistant|model)[ \t]*\n/iu,
	// Role tags written as markup.
	/<\/?(?:user|assistant|system|human|bot|model|character)>/iu,
];

/** Where the first template token starts in the normalized reply, or -1. */
export function firstTemplateToken(normalized: string): { index: number; text: string } | undefined {
	let first: { index: number; text: string } | undefined;
	for (const pattern of templateTokenPatterns) {
		const match = pattern.exec(normalized);
		if (match === null) continue;
		const index = match.index + (match[0].length - match[0].trimStart().length);
		if (first === undefined || index < first.index) first = { index, text: match[0].trim() };
	}
	return first;
}

/** Raw chat-template or role tokens (`<|im_end|>`, `[/INST]`, `<end_of_turn>`, `### Response:`): a hard fail. */
export function findTemplateTokens(input: ScoreInput): Finding[] {
	const token = firstTemplateToken(normalizeReply(input.reply));
	if (token === undefined) return [];
	return [{ kind: 'template-tokens', reason: `Reply contains a chat-template token (${quoteExcerpt(token.text, 30)})`, penalty: 1, hard: true }];
}
