import type { ExampleExchange } from '../persona/personaSchema.js';
import { escapeRegExp } from '../text/escapeRegExp.js';

type Turn = { speaker: 'user' | 'character'; text: string };

/**
 * Splits a card's `mes_example` into example dialogues: one per `<START>` block, each line labelled `{{user}}:`
 * or `{{char}}:` (also `<USER>:`, `<BOT>:` or the character's name) starts a turn, unlabelled lines continue it.
 * Turns pair up as exchanges: a user line and the character line that answers it.
 */
export function parseMesExample(text: string, characterName: string): ExampleExchange[][] {
	const userLabel = /^\s*(?:\{\{user\}\}|<user>)\s*:\s?/i;
	const characterLabel = new RegExp(`^\\s*(?:\\{\\{char\\}\\}|<bot>|${escapeRegExp(characterName)})\\s*:\\s?`, 'i');
	const dialogues: ExampleExchange[][] = [];
	for (const block of text.replace(/\r\n?/g, '\n').split(/<start>/i)) {
		const turns: Turn[] = [];
		for (const line of block.split('\n')) {
			const user = userLabel.exec(line);
			const character = user === null ? characterLabel.exec(line) : null;
			if (user !== null) turns.push({ speaker: 'user', text: line.slice(user[0].length) });
			else if (character !== null) turns.push({ speaker: 'character', text: line.slice(character[0].length) });
			else if (turns.length > 0 && line.trim() !== '') (turns.at(-1) as Turn).text += `\n${line}`;
		}
		const exchanges = pairTurns(turns.map((turn) => ({ ...turn, text: turn.text.trim() })).filter((turn) => turn.text !== ''));
		if (exchanges.length > 0) dialogues.push(exchanges);
	}
	return dialogues;
}

function pairTurns(turns: readonly Turn[]): ExampleExchange[] {
	const exchanges: ExampleExchange[] = [];
	let pendingUser: string | undefined;
	for (const turn of turns) {
		if (turn.speaker === 'user') {
			if (pendingUser !== undefined) exchanges.push({ user: pendingUser });
			pendingUser = turn.text;
		} else {
			exchanges.push(pendingUser === undefined ? { character: turn.text } : { user: pendingUser, character: turn.text });
			pendingUser = undefined;
		}
	}
	if (pendingUser !== undefined) exchanges.push({ user: pendingUser });
	return exchanges;
}
