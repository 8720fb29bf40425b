import { type Persona, substituteMacros } from '@charbot/characters';
import type { ChatMessage } from '@charbot/llm';

/** What the judge is shown. */
export interface JudgePromptInput {
	readonly persona: Persona;
	readonly memberName: string;
	readonly message: string;
	readonly reply: string;
}

/** The judge's instructions: short, so a small model can follow them. */
export const judgeInstructions = [
	'You review a reply written by a roleplay character in a Discord chat.',
	'Rate from 0 to 1 how well the reply stays in character (inCharacter) and how well it answers the message (onTopic).',
	'Give verdict "fail" if the reply is out of character, off topic, or does something the character must not; otherwise "pass".',
	'For a fail, give up to three short reasons. Answer with JSON only.',
].join(' ');

const summaryLength = 600;

/** Builds the judge's chat: the instructions, then a persona summary, the member's message and the reply. */
export function buildJudgePrompt(input: JudgePromptInput): ChatMessage[] {
	const { persona } = input;
	const macros = { char: persona.displayName, user: 'the member' };
	const summary = substituteMacros(persona.description, macros);
	const lines = [
		`Character: ${persona.displayName}`,
		`Summary: ${summary.length > summaryLength ? `${summary.slice(0, summaryLength - 1)}…` : summary}`,
		...(persona.speechStyle === undefined ? [] : [`Speech style: ${substituteMacros(persona.speechStyle, macros)}`]),
		...(persona.quality.mustNot.length === 0 ? [] : [`Must not: ${persona.quality.mustNot.join('; ')}`]),
		'',
		`Message from ${input.memberName}:`,
		'"""',
		input.message,
		'"""',
		'',
		`Reply by ${persona.displayName}:`,
		'"""',
		input.reply,
		'"""',
	];
	return [
		{ role: 'system', content: judgeInstructions },
		{ role: 'user', content: lines.join('\n') },
	];
}
