import type { SloppyPromptFacts } from './SloppyPromptFacts.js';

const unnamed = 'the character';
// "Name: text" as charbot writes other speakers' turns; " (member)" marks a member posing as a character.
const speakerLabel = /^([^:\n]{1,40}):\s/;
const personaLabels = [
	/^(Personality|Scenario|Appearance|Background|Likes|Dislikes):\s*\S/,
	/^How .{1,80}? (talks|speaks):\s*\S/,
	/^.{1,80}? (never|never says):\s*\S/,
	/^.{1,80}? has verbal habits like these\b.*:\s*\S/,
];

/** Reads the character's name, other speakers and persona lines from a chat request's messages. */
export function readPromptFacts(messages: readonly { readonly role: string; readonly content: string }[]): SloppyPromptFacts {
	const systemMessages = messages.filter((message) => message.role === 'system').map((message) => message.content);
	const systemPrompt = systemMessages.join('\n') || (messages[0]?.content ?? '');
	const found = systemMessages.map((content) => /You are (.+?),/.exec(content)?.[1]?.trim()).find((name) => name !== undefined && isName(name));
	const characterName = found ?? unnamed;
	const shortName = found === undefined ? unnamed : (characterName.split(/\s+/)[0] ?? characterName);
	const lines = systemPrompt.split('\n').map((line) => line.trim());
	const personaLines: string[] = [];
	let description: string | undefined;
	let inRelationships = false;
	const related: string[] = [];
	for (const [index, line] of lines.entries()) {
		if (/^About .+:$/.test(line) && lines[index + 1]) {
			description = lines[index + 1];
			personaLines.push(line, lines[index + 1] ?? '');
		}
		if (personaLabels.some((label) => label.test(line))) personaLines.push(line);
		if (line.endsWith('sees the others here:')) inRelationships = true;
		else if (inRelationships && line.startsWith('- ')) related.push(/^- ([^:]{1,40}):/.exec(line)?.[1] ?? '');
		else inRelationships = false;
	}
	const userTurns = messages.filter((message) => message.role === 'user').map((message) => message.content);
	const speakers = userTurns
		.map(
			(content) =>
				speakerLabel
					.exec(content)?.[1]
					?.replace(/\s*\(member\)$/, '')
					.trim() ?? '',
		)
		.reverse();
	const own = new Set([characterName.toLowerCase(), shortName.toLowerCase()]);
	const otherNames = [...new Set([...speakers, ...related])].filter((name) => isName(name) && !own.has(name.toLowerCase()));
	const lastUser = userTurns.at(-1) ?? '';
	const personality = personaLines
		.find((line) => line.startsWith('Personality:'))
		?.slice('Personality:'.length)
		.trim();
	return {
		characterName,
		named: found !== undefined,
		shortName,
		otherNames,
		personaLines: [...new Set(personaLines)],
		...(personality === undefined ? {} : { personality }),
		...(description === undefined ? {} : { description }),
		systemPrompt,
		lastUserText: lastUser.replace(speakerLabel, ''),
	};
}

// A name starts with a capital (or digit) and is short: "You are a helpful assistant," names nobody.
function isName(text: string): boolean {
	return /^[\p{Lu}\p{N}]/u.test(text) && text.length <= 40 && !/^(system|assistant|user)$/i.test(text);
}
