import type { Finding } from './Finding.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { normalizeReply } from './text/normalizeReply.js';

/** A list item: a number, a bullet, a check box, a keycap digit or an emoji in front. */
const bullet = String.raw`(?:\d{1,2}[.)]|[IVX]{1,4}\.|[-*•+▪►➤→☐☑✅✔✓]|\d\uFE0F?\u20E3|\p{Extended_Pictographic}\uFE0F?)`;
const listItem = new RegExp(String.raw`^[ \t]*${bullet}[ \t]+\S`, 'u');
const boldLead = new RegExp(String.raw`^[ \t]*(?:${bullet}[ \t]+)?(?:\*\*|__)[^*_\n]{2,80}(?:\*\*|__)`, 'u');
/** Verbs advice starts with. */
const adviceVerb = String.raw`(?:try|make sure|remember|consider|avoid|use|keep|take|practice|practise|start|begin|find|set|be|don't|do|get|focus|stay|ask|learn|choose|plan|create|think about|look for|talk to|check|add|refine|draw|write|list|pick|mix|put|cut|give|let|call|join|schedule|drink|eat|sleep|exercise|read|watch|make|build|buy|save|track|limit|reduce|increase|identify|define|prepare|review|research|compare|apply|prioriti[sz]e|establish|maintain|seek|reach out|communicate|listen|express|spend|invest|automate|cook|clean|organi[sz]e|break|celebrate|reward|rest|breathe|go|accept|revise|submit|involve|lead|weigh)`;
const adviceStart = fastWordBoundaries(new RegExp(String.raw`^[ \t]*${bullet}[ \t]+(?:\*\*)?${adviceVerb}\b`, 'iu'));
const introToList = fastWordBoundaries(
	/\b(?:(?:here(?:'s| is| are) |a few |some |several |these |the following |following |my top \d+ |top \d+ |\d+ )[^\n]{0,30}?(?:tips|ways|steps|ideas|suggestions|strategies|options|reasons|things you|key points|points|factors|benefits)|tips|steps to|ways to)\b[^\n]{0,80}:[ \t]*$/imu,
);
const stepLine = /^[ \t]*[*_]*step[ \t]+\d+[*_]*[ \t]*[:.)-]/imu;
/** Ordinals starting a line: an essay's paragraphs. */
const ordinalLead = fastWordBoundaries(/(?:^|\n)[ \t*_]*(?:firstly|secondly|thirdly|fourthly|fifthly|lastly|finally)\b/giu);
const ordinal = fastWordBoundaries(/\b(?:firstly|secondly|thirdly|lastly)\b/giu);
/** Ordinals that give advice: "Firstly, find your people". */
const adviceOrdinal = fastWordBoundaries(new RegExp(String.raw`\b(?:firstly|secondly|thirdly|lastly),?\s+(?:\w+\s+){0,2}?${adviceVerb}\b`, 'giu'));
const inTermsOf = fastWordBoundaries(/\bin terms of\b/giu);
const fromPerspective = fastWordBoundaries(/\bfrom an? (?:\*\*)?\w+(?:\*\*)? (?:perspective|standpoint|point of view)\b/giu);
const weighing = fastWordBoundaries(
	/\b(?:several|a few|many|three|two|some|key) (?:factors|aspects|dimensions|considerations|things to consider|key points)\b|\bit (?:all )?(?:comes down to|depends on)\b/iu,
);
const verdictHeading = fastWordBoundaries(/\*\*(?:pros|cons|recommendation|verdict|summary)\b/iu);
const closing = fastWordBoundaries(
	/(?:^|\n\s*\n|\n|[.!?]\s+)[ \t]*[*_]*(?:in conclusion|in summary|to sum (?:it )?up|to summari[sz]e|overall|ultimately|key takeaways?|final thoughts|tl;?dr|bottom line|the bottom line is|all in all|to wrap (?:it )?up|wrapping up|in short)\b[*_]*[ \t]*[,:]/iu,
);

/**
 * Assistant formatting instead of a chat message: markdown headers or tables, bold section titles, advice lists
 * (three items or more under "here are some tips:" or starting with imperatives), "Step 1:" guides, and an
 * "In conclusion," paragraph. Any of the structures is a hard fail; a closing phrase alone only lowers the score,
 * since a pompous character may say "in conclusion" too.
 */
export function findAssistantFormat(input: ScoreInput): Finding[] {
	const text = normalizeReply(input.reply);
	const lines = text.split('\n');
	const structures: string[] = [];
	if (lines.some((line) => /^[ \t]*#{1,6}[ \t]+\S/u.test(line))) structures.push('markdown headers');
	if (lines.filter((line) => /^[ \t]*\|.*\|[ \t]*$/u.test(line)).length >= 2 || lines.some((line) => /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|/u.test(line))) {
		structures.push('a table');
	}
	if (lines.filter((line) => boldLead.test(line)).length >= 2) structures.push('bold section titles');
	const items = lines.filter((line) => listItem.test(line));
	// Advice without an intro is an assistant's only when no one speaks in it: "1) Lose weight 2) Find weight" under "I got a list" is a to-do list.
	const advice = items.filter((line) => adviceStart.test(line)).length >= 2 && !/\b(?:I|I'm|I've|I'll|me|my)\b/u.test(text);
	if (items.length >= 3 && (introToList.test(text) || advice)) structures.push('an advice list');
	if (lines.filter((line) => stepLine.test(line)).length >= 3) structures.push('a step-by-step guide');
	if (items.length >= 3 && isTitle(lines[0] ?? '')) structures.push('a titled list');
	// An essay's paragraphs: "Firstly, **character**: … Secondly, … Thirdly, …", bolded or told from no one's mouth.
	const ordinals = text.match(ordinalLead)?.length ?? 0;
	if (ordinals >= 3 && (/\*\*[^*\n]+\*\*/u.test(text) || !/\b(?:I|me|my)\b/u.test(text))) structures.push('essay paragraphs');
	// An essay in one paragraph: terms set in bold, weighed "in terms of" or "from a … perspective", then summed up.
	const essay = [
		(text.match(/\*\*[^*\n]{2,40}\*\*/gu)?.length ?? 0) >= 2,
		// Ordinals that give advice, or that no one says of themselves.
		(text.match(adviceOrdinal)?.length ?? 0) >= 2 || ((text.match(ordinal)?.length ?? 0) >= 2 && !/\b(?:I|me|my)\b/u.test(text)),
		(text.match(inTermsOf)?.length ?? 0) >= 2,
		(text.match(fromPerspective)?.length ?? 0) >= 2,
		weighing.test(text),
		verdictHeading.test(text),
	].filter(Boolean).length;
	if (essay >= 1 && closing.test(text.replace(/\*\*/gu, ''))) structures.push('an essay summed up');
	else if (essay >= 2) structures.push('an essay');
	// Section labels in capitals: "PROS:", "CONS:", "RECOMMENDATION:".
	if (lines.filter((line) => /^[ \t]*[*_]*\p{Lu}{3,}(?: \p{Lu}{2,})?[*_]*[ \t]*:/u.test(line)).length >= 2) structures.push('section labels');
	const closes = closing.test(text);
	if (structures.length > 0 || (closes && items.length + lines.filter((line) => boldLead.test(line)).length >= 3)) {
		const what = [...structures, ...(closes ? ['a summing-up paragraph'] : [])];
		return [
			{ kind: 'assistant-format', reason: `Reply is formatted like an assistant's answer (${what.join(', ')}); write a chat message`, penalty: 1, hard: true },
		];
	}
	if (closes) return [{ kind: 'assistant-format', reason: 'Reply sums up like an essay ("in conclusion", "overall")', penalty: 0.3, hard: false }];
	return [];
}

/** A title line: short, in Title Case, with no full stop or colon at its end ("Becoming a Writer: 6 Essential Tips"). */
function isTitle(line: string): boolean {
	const bare = line.replace(/[*_#\p{Extended_Pictographic}\uFE0F]/gu, '').trim();
	const words = bare.split(/\s+/u).filter((word) => /\p{L}{3,}/u.test(word));
	if (bare === '' || /[.!?,:]$/u.test(bare) || words.length === 0 || words.length > 10) return false;
	return words.filter((word) => /^\p{Lu}/u.test(word)).length / words.length >= 0.6;
}
