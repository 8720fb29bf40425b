import { templateTokenFamilies } from './templateTokenFamilies.js';

const familyPatterns = templateTokenFamilies.map((entry) => ({ marker: entry.marker, pattern: new RegExp(entry.pattern.source, `${entry.pattern.flags}g`) }));
// ASCII text is its own NFKC form and holds no invisible character or joiner: most chat skips those three passes.
const nonAscii = /[^\p{ASCII}]/u;

// Invisible characters with no job in chat text; a tokenizer that drops them would join the token they split.
const invisible = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF]/gu;
// Joiners are kept where they join something (emoji sequences, Indic and Persian words), never beside ASCII.
const strayJoiner = /(?<=^|[\p{ASCII}])[\u200C\u200D]|[\u200C\u200D](?=$|[\p{ASCII}])/gu;

/**
 * The one door for untrusted text (member messages, names, descriptions, facts, history, replies, persona and card
 * text) into any prompt. NFKC first, so full-width and look-alike forms such as DeepSeek's `<｜User｜>` fold to what
 * they imitate; then every token of {@link templateTokenFamilies} (`<|im_start|>`, `[INST]`, `<<SYS>>`,
 * `<start_of_turn>`, `<s>`, `<think>`, `### Response:`, `USER:`...) becomes its name in parentheses. Ollama renders
 * content into the model's template and tokenizes the result, so these would otherwise become real role markers.
 * Idempotent; the result holds no token of the table.
 */
export function neutralizeTemplateTokens(text: string): string {
	let result = nonAscii.test(text) ? text.normalize('NFKC').replace(invisible, '').replace(strayJoiner, '') : text;
	// Defusing one token can leave the brackets of another around it (`<|<|x|>|>`): repeat until nothing changes. Each
	// change takes away a bracket, a `#` or a line-start role word and adds none, so this ends; the 40-character limit
	// on a name bounds nesting to about 20 rounds.
	for (let previous = ''; previous !== result;) {
		previous = result;
		for (const { marker, pattern } of familyPatterns) {
			if (result.includes(marker)) result = result.replace(pattern, (...args) => `(${namedGroup(args)})`);
		}
	}
	return result;
}

function namedGroup(args: unknown[]): string {
	const groups = args.at(-1) as { name?: string } | undefined;
	return (groups?.name ?? '').trim();
}
