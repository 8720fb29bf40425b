/** Mentions written in a message's text. */
export interface ParsedMentions {
	readonly users: readonly string[];
	readonly roles: readonly string[];
	/** `@everyone` or `@here` appears. */
	readonly everyone: boolean;
}

const userPattern = /<@!?(\d{17,20})>/g;
const rolePattern = /<@&(\d{17,20})>/g;
const everyonePattern = /(?<!\w)@(everyone|here)\b/;

/** Finds `<@id>`, `<@!id>`, `<@&id>`, `@everyone` and `@here` in text; ids are unique, in order of first use. */
export function parseMentions(content: string): ParsedMentions {
	return {
		users: unique(content.matchAll(userPattern)),
		roles: unique(content.matchAll(rolePattern)),
		everyone: everyonePattern.test(content),
	};
}

function unique(matches: Iterable<RegExpMatchArray>): string[] {
	const ids = new Set<string>();
	for (const match of matches) if (match[1] !== undefined) ids.add(match[1]);
	return [...ids];
}
