/** One family of chat-template control tokens and role headers, as read after NFKC. */
export interface TemplateTokenFamily {
	/** The models or formats that use it. */
	readonly family: string;
	/** Matches one token (not global); the `name` group is what stays readable once the token is defused. */
	readonly pattern: RegExp;
	/** A character every token of the family holds (a role word's colon included), so text without it needs no `pattern` run. */
	readonly marker: string;
}

/**
 * The control tokens and role headers of the common chat-template families. One table for both directions:
 * `neutralizeTemplateTokens` defuses them in text going into a prompt, and quality control's scorer finds them in
 * replies coming out. Patterns read NFKC text, so DeepSeek's full-width `<｜User｜>` is `<|User|>` here.
 */
export const templateTokenFamilies: readonly TemplateTokenFamily[] = [
	{
		// <|im_start|>, <|eot_id|>, <|start_header_id|>, <|end|>, <|User|>, <|end▁of▁sentence|>, <|START_OF_TURN_TOKEN|>, <|channel|>.
		family: 'ChatML, Llama 3, Phi, Qwen, DeepSeek, Command R, Granite, gpt-oss',
		pattern: /<\|(?<name>[^|<>\n]{1,40})\|>/u,
		marker: '<',
	},
	{
		family: 'Llama 2 and Mistral',
		pattern: /\[(?<name>\/?(?:INST|SYS|SYSTEM_PROMPT|AVAILABLE_TOOLS|TOOL_CALLS|TOOL_RESULTS|TOOL_CONTENT|THINK))\]/iu,
		marker: '[',
	},
	{ family: 'Llama 2 system block', pattern: /<<(?<name>\/?SYS)>>/iu, marker: '<' },
	{
		family: 'Gemma, and bare special tokens',
		pattern:
			/<(?<name>\/?(?:s|start_of_turn|end_of_turn|start_of_image|end_of_image|bos|eos|eot|pad|unk|mask|sep|cls|endoftext|im_start|im_end|im_sep|bos_token|eos_token))>/iu,
		marker: '<',
	},
	{ family: 'reasoning models (DeepSeek R1, Qwen 3)', pattern: /<(?<name>\/?(?:think|thinking))>/iu, marker: '<' },
	{ family: 'role tags written as markup', pattern: /<(?<name>\/?(?:user|assistant|system|human|bot|model|character))>/iu, marker: '<' },
	{
		// "### Instruction:", "### Response:", "### Human:" at a line start, with a colon or alone on their line; a
		// Markdown heading that goes on ("## Response times") is prose.
		family: 'Alpaca, Vicuna v0 and their kin',
		pattern:
			/(?<=^|[\n\r\u2028\u2029])[ \t]*#{2,4}[ \t]*(?<name>instruction|response|input|human|assistant|system|user|context|answer|output)(?=[ \t]*(?::|$|[\n\r\u2028\u2029]))/iu,
		marker: '#',
	},
	{ family: 'Vicuna', pattern: /(?<=^|[\n\r\u2028\u2029])[ \t]*(?<name>USER|ASSISTANT|SYSTEM|HUMAN|GPT)(?=[ \t]*:)/u, marker: ':' },
];
