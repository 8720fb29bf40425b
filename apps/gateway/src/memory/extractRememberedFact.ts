/** Longest fact kept, in characters (code points). */
export const MaxRememberedFactLength = 200;

// "remember (that) I ...", "remember: I'm ...", "don't forget (that) I ...": the fact is the member's own words from "I".
const request = /\b(?:remember|don['’]?t\s+forget|do\s+not\s+forget)\b[\s,:;–—-]*(?:that\s+)?(?=i\b)/giu;
// Words before the request, in the same sentence, that make it a question, a negation or a report ("do you remember", "I remember").
const notARequest = /\b(?:do|did|does|don['’]?t|not|never|can|can['’]?t|cannot|could|would|will|won['’]?t|you|i|we|they|he|she|if|to)\b/iu;
// "remember I told you ...": pointing back at the conversation, not a fact about the member.
const pointsBack = /^i\s+(?:said|told|asked|mentioned|wrote|showed|explained)\b/iu;
const sentenceEnd = /[.!?\n]/u;

/**
 * The fact in a member's request to remember something about them ("Peter, remember that I hate cats." →
 * "I hate cats"), or undefined when the message asks nothing of the kind. Questions ("do you remember that I…?"),
 * negations and reports ("I remember I…") are not requests. The fact ends at the sentence's end, starts with a
 * capital "I", has its whitespace collapsed and is cut at a word boundary to {@link MaxRememberedFactLength}.
 */
export function extractRememberedFact(message: string): string | undefined {
	for (const match of message.matchAll(request)) {
		const before = message.slice(0, match.index);
		const clauseStart = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n'));
		if (notARequest.test(before.slice(clauseStart + 1))) continue;
		const rest = message.slice(match.index + match[0].length);
		const end = rest.search(sentenceEnd);
		if (end !== -1 && rest[end] === '?') continue;
		const fact = (end === -1 ? rest : rest.slice(0, end))
			.replace(/\s+/gu, ' ')
			.replace(/[\s,;:–—-]+$/u, '')
			.trim();
		if (pointsBack.test(fact) || fact.split(' ').length < 2) continue;
		return cutAtWord(`I${fact.slice(1)}`, MaxRememberedFactLength);
	}
	return undefined;
}

function cutAtWord(text: string, max: number): string {
	const points = Array.from(text);
	if (points.length <= max) return text;
	const cut = points.slice(0, max).join('');
	const lastSpace = cut.lastIndexOf(' ');
	return lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
}
