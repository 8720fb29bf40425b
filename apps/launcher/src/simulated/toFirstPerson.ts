const irregular: Readonly<Record<string, string>> = { is: 'am', has: 'have', does: 'do', goes: 'go', was: 'was' };
// Where a clause ends: a reply takes one idea, not the whole description.
const clauseEnd = /\s(?:but|and|yet|while|who|which|because|although|though|mostly|so)\s/u;

/**
 * One clause of a third-person line about the character, in its own voice: "His baby son. Peter hears the kid talk…"
 * → "My baby son"; "Peter Griffin works at the Quahog brewery, mostly…" → "I work at the Quahog brewery";
 * "Rupert is Stewie Griffin's teddy bear" → "Rupert is my teddy bear". Undefined when no short clause comes out.
 */
export function toFirstPerson(line: string, names: readonly string[], pronoun: 'he' | 'she' | undefined): string | undefined {
	const name = names
		.toSorted((a, b) => b.length - a.length)
		.map((each) => each.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
		.join('|');
	const subject = `(?:${name}${pronoun === undefined ? '' : `|${pronoun}`})`;
	let text = line.trim();
	const possessive = /^(?:his|her|their)\s+/iu;
	const acting = new RegExp(String.raw`^${subject}\s+(\p{Ll}+)\b`, 'iu');
	// "Finds the neighbour tacky", "Can't stand him": a view that leaves out its subject.
	const bare = /^(\p{Lu}\p{Ll}+s|Can't|Cannot|Won't|Doesn't|Never|Always)\b/u.exec(text)?.[1];
	const verb = acting.exec(text)?.[1];
	if (possessive.test(text)) text = text.replace(possessive, 'My ');
	else if (verb !== undefined && verb.endsWith('s')) text = text.replace(acting, `I ${baseForm(verb)}`);
	else if (bare !== undefined) {
		const word = bare.toLowerCase();
		const adverb = /^(?:never|always)$/u.test(word);
		const spoken = word === "doesn't" ? "don't" : word.endsWith('s') && !adverb ? baseForm(word) : word;
		// "Never listens" → "I never listen"; "Barely registers" stays as it is: it may be the other one who barely registers.
		const rest = adverb
			? text.slice(bare.length).replace(/^(\s+)(\p{Ll}+s)\b/u, (_all, space: string, next: string) => space + baseForm(next))
			: text.slice(bare.length);
		text = `I ${spoken}${rest}`;
	}
	text = text.replace(new RegExp(String.raw`\b(?:${name})'s\b`, 'gu'), 'my');
	const sentence = text.split(/[,;:.!?]/u)[0]?.trim() ?? '';
	const short = sentence.split(/\s+/u).length <= 8;
	const clause = short ? sentence : (sentence.split(clauseEnd)[0]?.trim() ?? '');
	// "The only one who is nice to her" cut at "who" leaves too little to mean anything.
	if (!short && clause.split(/\s+/u).length < 4) return undefined;
	// A view is written about the character: its possessives are the character's own ("My dad and his hero" → "my hero");
	// "her" only before a noun, since "adores her" is someone else.
	const own =
		pronoun === 'he' ? /\b(?:his|himself)\b/gu : pronoun === 'she' ? /\b(?:herself|her(?=\s+(?!to\b|for\b|with\b|and\b|or\b|but\b)\p{L}))\b/gu : undefined;
	const spoken = own === undefined ? clause : clause.replace(own, (word) => (word.endsWith('self') ? 'myself' : 'my'));
	if (new RegExp(String.raw`\b(?:${name})\b`, 'u').test(spoken)) return undefined;
	const words = spoken.split(/\s+/u).length;
	return words >= 2 && words <= 12 ? spoken.charAt(0).toUpperCase() + spoken.slice(1) : undefined;
}

function baseForm(verb: string): string {
	const known = irregular[verb.toLowerCase()];
	if (known !== undefined) return known;
	if (/ies$/u.test(verb)) return `${verb.slice(0, -3)}y`;
	if (/(?:ss|sh|ch|x|z)es$/u.test(verb)) return verb.slice(0, -2);
	return verb.slice(0, -1);
}
