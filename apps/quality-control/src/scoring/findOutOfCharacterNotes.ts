import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import { memoizeByContent } from './memo/memoizeByContent.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { isInsideQuotes } from './text/isInsideQuotes.js';
import { namesOf } from './text/namesOf.js';
import { namesPattern } from './text/namesPattern.js';
import { normalizeReply } from './text/normalizeReply.js';

const artifact = String.raw`(?:response|reply|answer|version|message|line|portrayal|dialogue|scene|roleplay|role-play|rp|story|text|output)`;
const styleWords = String.raw`(?:voice|tone|personality|humou?r|mannerisms|speech patterns?|catchphrases?|style|character|persona|wit|sarcasm|quirks)`;

/**
 * A model talking about its reply instead of in it: notes, OOC asides, commentary on the voice it used, offers to
 * change it. Each pattern reads one sentence or aside.
 */
const outOfCharacterPatterns: readonly RegExp[] = [
	/^[\s([{*_—–-]*(?:ooc|out of character|author'?s note|a\/n|disclaimer|editor'?s note|explanation|translation|word count|character count)\b[\s*_]*[:-]/iu,
	// "Note:" is a note on the reply when it speaks of the reply, the character or the model; "Note: I'm handsome" is not.
	/^[\s([{*_—–-]*(?:note|notes|context)\b[\s*_]*[:-][^\n]*\b(?:response|reply|character|roleplay|role-play|persona|portrayal|tone|in-character|fictional|the user|model|AI|scene|dialogue|lines?)\b/iu,
	/\b(?:for (?:comedic|comic|dramatic|humorous) (?:effect|purposes)|just to clarify|to clarify,|(?:end|close) of (?:\w+'s )?(?:response|reply|message|scene|roleplay)|word count\s*[:=]?\s*\d+|in real life,|in reality,)/iu,
	/^[\s*_]*[([{][\s*_]*(?:note|ooc|out of character|author'?s note|a\/n|disclaimer|the\b[^)\]]{0,30}\b(?:response|reply))/iu,
	/\bOOC\b/u,
	// A code comment, or an alternative offered beside the reply.
	/^[\s*_]*\/\/\s*\S/u,
	/^[\s*_>]*(?:alternative|alternate|another|other) (?:version|take|reply|response|option|line)s?\b[\s*_]*[:(-]/iu,
	/^[\s*_>]*(?:option|version|variant|take) (?:\d|two|three|b|c)\b[\s*_]*[:)-]/iu,
	/\bwriting (?:\w+ ){0,2}(?:is|was) (?:hard|tricky|tough|fun|difficult)\b/iu,
	// Labels of notes about the text: content notes, warnings, summaries of the reply.
	/^[\s*_([>\p{Extended_Pictographic}\uFE0F]*(?:(?:content|scene|author|writer|editor|style|tone|context|stage|director'?s?|production) note|cw|tw|content warning|trigger warning|tl;?dr|note for the user|note to the user|a gentle reminder|reminder for (?:the )?user)\b[\s*_]*[:-]/iu,
	// The model on its own choices, or asking whether they worked.
	/^[\s*_([>]*(?:[\p{L} ]{1,20}:\s*)?(?:went with|kept (?:it|this|the|him|her)|rewritten|rewrote|toned (?:it|this) (?:down|up)|played up|leaned into|made (?:him|her|them) (?:a (?:little|bit) )?(?:more|less|\w+er)\b|flirting kept|delivered with)\b/iu,
	/\bI (?:made|make|kept|keep|went with|tried to|wanted to|aimed to|chose to|decided to|toned|played up|leaned into)\b[^.!?]{0,40}?\b(?:him|her|them|his|their)\b[^.!?]{0,40}?\b(?:here|on purpose|a (?:little|bit)|more|less|to show|so (?:the|that|it)|with)\b/iu,
	/\b(?:did|does) (?:that|this|it) (?:sound|feel|read|come across) (?:like (?:him|her|them|the character)|right|okay|ok|in character)\b/iu,
	/\b(?:want|like|prefer|need) (?:it|this|him|her|them|me to make (?:it|him|her)) (?:\w+ier|funnier|snarkier|shorter|longer|darker|lighter|sweeter|meaner|nicer|weirder|wilder|louder|softer|more \w+|less \w+)\?/iu,
	/\bis (?:this|that) the (?:tone|vibe|style|voice|kind of|energy|level)\b/iu,
	/\bshould (?:\w+ ){1,2}be (?:even )?(?:more|less) \w+\?/iu,
	/\bI can (?:make|dial|tone|turn|crank|push) (?:him|her|it|them|this|that|up|down) ?(?:up|down|more|less|\w+er)?\b(?!\s+(?:a|the|some|your|my)\b)/iu,
	/~?\b\d+ words\b|\bunder the (?:limit|character limit|word limit|length limit)\b|\b(?:first|second|final) draft\b/iu,
	/\bif you or someone you know\b/iu,
	/\b(?:from|by) the (?:writer|author|assistant|ai)\b|\bI can keep (?:the scene|this|it|the story|the roleplay) going\b/iu,
	/\bwould you like \w+ to (?:sound|be|come across|act|seem) (?:more|less|a bit|a little)\b|\bis (?:this|that) (?:about )?the right (?:level|tone|amount|length|vibe)\b/iu,
	/\b(?:is|was) a (?:callback|reference|nod|throwback) to\b|\bearlier in (?:the|this|our) (?:chat|conversation|thread)\b/iu,
	/\bper the (?:persona|server|character|house|content) (?:notes|guidelines|card|rules|instructions)\b/iu,
	/\bfeel free to (?:tweak|adjust|edit|change|modify|tell me)\b/iu,
	// An aside about "the reply" or "Meg's response" is a note on it, whatever it says.
	/^[\s*_]*[([][^)\]]{0,80}\b(?:response|reply|portrayal|roleplay|in-character|in character)\b/iu,
	/\b\w+'s (?:response|reply) (?:captures?|keeps?|stays?|maintains?|shows?|highlights?|reflects?|uses?|emphasi[sz]es|plays?)\b/iu,
	/\blet me know if (?:you(?:'d| would)? (?:like|want|need|prefer)|there(?:'s| is)|i should|this|that|you have|anything|any)\b/iu,
	/\bfeel free to (?:ask|let me know|request|reach out|tell me|share)\b/iu,
	/\bwould you like (?:me to|another|a different|more|to (?:continue|hear|see))\b/iu,
	/\b(?:is there )?(?:anything|something) else (?:(?:that )?I can|you(?:'d| would) like|you want)\b/iu,
	/\b(?:how (?:else )?can I (?:help|assist)|can I help you with|what else can I)\b/iu,
	/\b(?:is there )?(?:anything|something) else\b[^.?!]{0,40}\byou(?:'d| would)? (?:like|want) to (?:discuss|talk about|know|chat about|explore)\b/iu,
	/\b(?:I )?hope (?:this|that|it|you|my)(?: (?:response|reply|answer|version|line|one|take))? (?:captures?|helps?|works?|fits?|enjoy(?:ed)?|is what|meets?|gives?|does|brings|was|hits|lands)\b/iu,
	/\bhappy to (?:help|adjust|assist|tweak|revise|write|provide)\b/iu,
	/\bI can (?:also )?(?:adjust|tweak|rewrite|revise|make (?:it|him|her) (?:more|less)|try (?:again|another)|provide another|write (?:another|more))\b/iu,
	new RegExp(
		String.raw`\b(?:this|the|my|above|that) ${artifact}s?\s+(?:captures?|keeps?|stays?|maintains?|shows?|highlights?|reflects?|uses?|aims?|tries|tried|should|incorporates?|plays? (?:on|up)|emphasi[sz]es|leans|is (?:written|meant|designed|intended))\b`,
		'iu',
	),
	new RegExp(String.raw`\bin (?:this|the above|my) ${artifact}\b`, 'iu'),
	new RegExp(
		String.raw`\bI (?:tried|aimed|wanted|attempted|chose|decided) to (?:capture|keep|stay|convey|show|make|highlight|emphasi[sz]e|reflect|maintain|include|incorporate|use|lean)\b`,
		'iu',
	),
	new RegExp(
		String.raw`\b(?:capture[sd]?|captur(?:ing)|maintain(?:s|ed|ing)?|reflect(?:s|ed|ing)?|convey(?:s|ed|ing)?|stay(?:s|ed|ing)? true to|keep(?:s|ing)? with)\s+(?:\w+\s+){0,3}?(?:his|her|their|the character's|[A-Z][a-z]+'s)\s+(?:\w+\s+){0,2}?${styleWords}\b`,
		'iu',
	),
	/\b(?:want|like|prefer) (?:me to )?(?:make it|it to be|a) (?:funnier|longer|shorter|more|less|different)\b/iu,
	/\bhope (?:that|this) helps\b/iu,
].map(fastWordBoundaries);

/** Any of the names as a whole word, compiled once per names. */
/** An aside: brackets, `//`, or a "Note:" / "P.S.:" lead. */
const asideStart = fastWordBoundaries(/^[\s*_—–-]*(?:[([]|\/\/|(?:note|notes|p\.?s\.?)\b[^:\n]{0,30}:)/iu);
const namesRegExp = memoizeByContent((names: readonly string[]) => new RegExp(namesPattern(names), 'iu'));

/** The sentences and asides of a reply, in order, with their places. */
export function segmentsOf(normalized: string): { text: string; start: number; end: number }[] {
	const segments: { text: string; start: number; end: number }[] = [];
	// An aside in brackets or a separator line is one segment; otherwise sentences end at . ! ? or a line break.
	const pattern = /\([^()]{1,600}\)|\[[^[\]]{1,600}\]|(?:^|\n)[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*(?=\n|$)|[^.!?\n([]+(?:[.!?…]+["')\]*]*|(?=\n)|$)|[([]/gu;
	for (const match of normalized.matchAll(pattern)) {
		const text = match[0];
		if (text.trim() === '') continue;
		segments.push({ text, start: match.index, end: match.index + text.length });
	}
	return segments;
}

/**
 * Whether one sentence or aside is a note about the reply: one of the patterns, or a "Note:" or an aside in
 * brackets or after `//` that speaks of the character by name ("Note: I kept Stewie's menace", "(Peter is confused on purpose)").
 */
export function isOutOfCharacter(segment: string, ownNames: readonly string[]): boolean {
	if (outOfCharacterPatterns.some((pattern) => pattern.test(segment))) return true;
	// A character does not name itself in an aside; a model explaining its choices does ("(I made Chris confused on purpose)").
	const aside = asideStart.test(segment);
	return aside && namesRegExp(ownNames).test(segment);
}

/** Notes, OOC asides and epilogues about the reply ("(Note: …)", "I hope this captures…", "Let me know if…"): a hard fail. */
export function findOutOfCharacterNotes(input: ScoreInput): Finding[] {
	const own = namesOf(input.character.displayName, input.character.aliases);
	const text = normalizeReply(input.reply);
	// What the character quotes ("the robot lady goes \"anything else I can help you with\"") is not its own note.
	const note = segmentsOf(text).find((segment) => !isInsideQuotes(text, segment.start) && isOutOfCharacter(segment.text.replace(/"[^"\n]*"/gu, '""'), own));
	if (note === undefined) return [];
	return [{ kind: 'ooc-note', reason: `Reply steps out of character to comment (${quoteExcerpt(note.text, 50)})`, penalty: 1, hard: true }];
}
