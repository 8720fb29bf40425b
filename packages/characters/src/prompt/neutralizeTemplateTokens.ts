/**
 * Defuses chat-template control tokens in untrusted text (`<|im_start|>`, `<|eot_id|>`, `[INST]`, `<<SYS>>`,
 * `<start_of_turn>`, `<s>`...). Ollama renders message content into the model's template and tokenizes the
 * result, so such strings would otherwise become real role markers and let a member open a system turn.
 */
export function neutralizeTemplateTokens(text: string): string {
	return text
		.replace(/<\|([^<>|\n]{0,40})\|>/g, '[$1]')
		.replace(/\[(\/?)(INST|SYS|AVAILABLE_TOOLS|TOOL_CALLS|TOOL_RESULTS)\]/gi, '($1$2)')
		.replace(/<<(\/?)(SYS)>>/gi, '($1$2)')
		.replace(/<(\/?)(start_of_turn|end_of_turn|s|bos|eos)>/gi, '($1$2)');
}
