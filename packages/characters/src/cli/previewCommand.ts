import { resolve } from 'node:path';
import { loadCharacters } from '../loading/loadCharacters.js';
import type { Persona } from '../persona/personaSchema.js';
import { buildCharacterPrompt } from '../prompt/buildCharacterPrompt.js';
import type { PromptMessage } from '../prompt/PromptMessage.js';
import type { CliOutput } from './CliOutput.js';
import { defaultCharactersDir } from './defaultCharactersDir.js';

/** Options of the `preview` command, as parsed from the command line. */
export interface PreviewOptions {
	readonly user?: string | undefined;
	readonly context?: string | undefined;
	readonly dir?: string | undefined;
	readonly fact?: readonly string[] | undefined;
	readonly history?: readonly string[] | undefined;
	readonly maxReplyChars?: string | undefined;
}

/** `preview <id> "<message>"`: prints the prompt messages a character would get for a message. */
export async function previewCommand(positionals: readonly string[], options: PreviewOptions, output: CliOutput): Promise<number> {
	const [id, message] = positionals;
	if (id === undefined || message === undefined) {
		output.err('preview needs a character id and a message, e.g.: npm run characters -- preview peter "Peter, what do you think?"');
		return 2;
	}
	const contextTokens = parseWholeNumber(options.context ?? '4096', '--context', output);
	const maxReplyChars = parseWholeNumber(options.maxReplyChars ?? '1200', '--max-reply-chars', output);
	if (contextTokens === undefined || maxReplyChars === undefined) return 2;
	const loaded = await loadCharacters(options.dir === undefined ? defaultCharactersDir() : resolve(options.dir));
	for (const problem of loaded.problems) output.err(`warn  ${problem.message}`);
	const cast = loaded.characters.map((entry) => entry.persona);
	const persona = cast.find((character) => character.id === id);
	if (persona === undefined) {
		output.err(`No character "${id}". Known: ${cast.map((character) => character.id).join(', ') || '(none)'}`);
		return 1;
	}
	let prompt: ReturnType<typeof buildCharacterPrompt>;
	try {
		prompt = buildCharacterPrompt({
			persona,
			cast,
			trigger: { authorName: options.user ?? 'Member', content: message },
			history: (options.history ?? []).map((line) => toHistoryMessage(line, cast)),
			userFacts: options.fact ?? [],
			contextTokens,
			maxReplyChars,
		});
	} catch (error) {
		if (!(error instanceof RangeError)) throw error;
		output.err(error.message);
		return 2;
	}
	output.out(`Prompt for ${persona.displayName} (${persona.id}): ${prompt.messages.length} messages, about ${prompt.tokenEstimate} of ${prompt.budget} tokens`);
	output.out(
		`Left out: ${prompt.dropped.examples} examples, ${prompt.dropped.history} history messages, ${prompt.dropped.lore} lore entries${prompt.truncatedTrigger ? '; the message was cut' : ''}`,
	);
	for (const [index, chatMessage] of prompt.messages.entries()) {
		output.out(`\n----- ${index + 1}. ${chatMessage.role} -----\n${chatMessage.content}`);
	}
	return 0;
}

/** `Name: text` → a history message; a name that belongs to a character marks it as that character's line. */
function toHistoryMessage(line: string, cast: readonly Persona[]): PromptMessage {
	const separator = line.indexOf(':');
	const authorName = separator > 0 ? line.slice(0, separator).trim() : 'Member';
	const content = separator > 0 ? line.slice(separator + 1).trim() : line;
	const lower = authorName.toLocaleLowerCase();
	const character = cast.find((persona) => [persona.id, persona.displayName, ...persona.aliases].some((name) => name.toLocaleLowerCase() === lower));
	return character === undefined ? { authorName, content } : { authorName: character.displayName, characterId: character.id, content };
}

function parseWholeNumber(text: string, flag: string, output: CliOutput): number | undefined {
	const value = Number(text);
	if (Number.isInteger(value) && value > 0) return value;
	output.err(`${flag} must be a whole number greater than 0, got "${text}"`);
	return undefined;
}
