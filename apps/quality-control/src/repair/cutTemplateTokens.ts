import { firstTemplateToken } from '../scoring/findTemplateTokens.js';

/** Whose turn a template token opens. */
type Role = 'assistant' | 'other' | 'none';

/** The role a token (with the role word right after it, as in `<|im_start|>assistant`) opens. */
function roleOf(token: string, following: string): Role {
	const said = `${token} ${/^[ \t]*(\w+)/u.exec(following)?.[1] ?? ''}`.toLowerCase();
	// After a reasoning block comes the answer; the block itself is the model's notes.
	if (/\[\/inst\]|<\/think>|assistant|\bmodel\b|\bgpt\b|\bbot\b|response|answer|output/u.test(said)) return 'assistant';
	if (/\[inst\]|<think>|user|human|instruction|input|system|sys\b|context/u.test(said)) return 'other';
	return 'none';
}

/** A role word left alone after its token (`assistant\n`, `user<|end_header_id|>`). */
const roleWord = /^[ \t]*(?:assistant|model|user|system|human|gpt|bot)?[ \t]*:?[ \t]*\n?/iu;

/**
 * Keeps the reply's own turn out of leaked template text: the text before the first token when there is any,
 * else the first turn a token opens for the assistant (`<|im_start|>assistant`, `### Response:`, `[/INST]`), up
 * to the next token. Turns of the user or the system, and hallucinated next turns, are dropped. Returns the text
 * unchanged when no turn of its own can be told apart.
 */
export function cutTemplateTokens(text: string): string {
	const turns: { role: Role; text: string }[] = [];
	let rest = text;
	let role: Role = 'assistant';
	for (let guard = 0; guard < 64; guard += 1) {
		const token = firstTemplateToken(rest);
		if (token === undefined) break;
		turns.push({ role, text: rest.slice(0, token.index) });
		rest = rest.slice(token.index + token.text.length);
		// The second half of a header pair (`<|start_header_id|>user<|end_header_id|>`) keeps the role the first half opened.
		if (/end_header/iu.test(token.text)) continue;
		role = roleOf(token.text, rest);
		if (role !== 'none') rest = rest.replace(roleWord, '');
	}
	if (turns.length === 0) return text;
	turns.push({ role, text: rest });
	const spoken = turns.find((turn) => turn.role === 'assistant' && /[\p{L}\p{N}]/u.test(turn.text));
	return spoken === undefined ? text : spoken.text;
}
