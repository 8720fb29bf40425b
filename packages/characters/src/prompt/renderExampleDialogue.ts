import type { ExampleExchange } from '../persona/personaSchema.js';

/** Renders one example dialogue as a labelled transcript inside `<example>` tags; names are already resolved. */
export function renderExampleDialogue(dialogue: readonly ExampleExchange[], characterName: string, userName: string): string {
	const lines: string[] = [];
	for (const exchange of dialogue) {
		if (exchange.user !== undefined) lines.push(`${userName}: ${exchange.user}`);
		if (exchange.character !== undefined) lines.push(`${characterName}: ${exchange.character}`);
	}
	return `<example>\n${lines.join('\n')}\n</example>`;
}
