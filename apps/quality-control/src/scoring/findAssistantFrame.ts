import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';
import { memoizeByContent } from './memo/memoizeByContent.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { isInsideQuotes } from './text/isInsideQuotes.js';
import { namesOf } from './text/namesOf.js';
import { namesPattern } from './text/namesPattern.js';
import { normalizeReply } from './text/normalizeReply.js';

const artifact = String.raw`(?:response|reply|answer|version|take|attempt|rendition|line|message|interpretation|portrayal|continuation|dialogue)`;

/**
 * Assistant register that presents a reply instead of being one: offers to help, "here's a response", "as
 * Stewie, I would say", "Lois might respond:", "in the style of". `{name}` stands for any cast name.
 */
const framePatterns: readonly string[] = [
	String.raw`\bI(?:'d| would) be (?:happy|glad|delighted|more than happy) to\b`,
	String.raw`\bhappy to help\b`,
	String.raw`\bas requested\b`,
	String.raw`\bhere(?:'s| is| are)\s+(?:a |an |my |the |one |some |what |how )?(?:possible |short |quick |funny |fun |brief |sample |potential |suggested |revised |new |another |in-character |character |playful |humorous |hilarious |witty |snarky |sassy |classic |typical )*${artifact}s?\b`,
	String.raw`\b${artifact}s?\s+(?:as|from|for|in the (?:voice|style) of|in character as)\s+{name}`,
	String.raw`\bin the (?:voice|style|spirit|words|tone) of\s+{name}`,
	String.raw`\bin {name}'s? (?:voice|style|words|tone)\b`,
	String.raw`\b(?:it|this|that|he|she) (?:might|would|could|may) (?:go|sound|look) (?:something )?like this\b`,
	String.raw`\b(?:below|above) (?:is|are|you'll find)\b[^\n]{0,40}\b${artifact}`,
	String.raw`\b(?:response|reply|version|rendition|take|portrayal)s?\s+(?:[\w-]+\s+){0,2}?(?:as|in the voice of|in character as)\s+{name}`,
	String.raw`\bin character as\b`,
	String.raw`\b(?:I'll|I will|I'm|I am|while) stay(?:ing)? (?:\w+ )?in character\b|(?:^|\n|[.!]\s+)[\s*_]*staying (?:\w+ )?in character\b`,
	// A header line that presents a character's words, ending in a colon, a dash or a pointing emoji: "Meg's response 👇".
	String.raw`^[^\n]{0,80}?{name}[^\n]{0,60}?\b(?:respond|responds|replies|reply|response|answer|voice|mode|take|line|lines|version|would say|might say|could say|would go|might go|speaking|here goes)\b[^\n]{0,40}?(?:[:—–]|[\p{Extended_Pictographic}\u2193\u2B07\u27A1]\uFE0F?)[ \t]*\n`,
	String.raw`(?:^|\n)[^\n]{0,60}\bhere goes\s*:[ \t]*(?:\n|$)`,
	// A helper's first line that takes on the part, then the reply: "Happy to jump in as Lois here 😊", "Sure! Playing Peter Griffin now."
	String.raw`^[\s*_\p{Extended_Pictographic}]*(?:sure|certainly|of course|absolutely|okay|ok|alright|happy|glad|got it|no problem|here|let me|time to|switching)\b[^\n→]{0,40}?\b(?:as|become|becoming|play|playing|channel+ing|voicing|being|into)\s+(?:the (?:role|part) of\s+)?(?:my (?:best |inner )?)?{name}\b[^\n→]{0,30}(?:\n|→|$)`,
	String.raw`^[\s*_]*{name},?\s+(?:responding|replying|speaking|reporting in|in character)\s*[:—–-]`,
	String.raw`\bI(?:'d| would) (?:respond|reply|answer)(?: with)?\s*:`,
	String.raw`\bthe character (?:would|might|could|will|may) (?:probably |likely )?(?:say|respond|reply|answer|react)\b`,
	String.raw`^[^\n]{0,20}\b{name} mode\b\s*[:!—–-]`,
	String.raw`^[^\n]{0,40}\bhere(?:'s| is)\s+{name}'s?\s+(?:take|reply|response|answer|version|line|thoughts)\b`,
	String.raw`^[\s*_]*(?:channel+ing|playing|voicing|doing|doin'|becoming|switching to)\s+(?:my |the )?(?:best |inner )?{name}\b`,
	String.raw`\b(?:my|the|best|a) {name} (?:voice|impression|impersonation|accent)\b[^\n]{0,20}(?:[:—–]|\n)`,
	String.raw`\bhere(?:'s| is) (?:a|an|my|the|one|some) (?:\w+ ){0,2}(?:greeting|message|line|reply|response|answer|toast|speech|quote|take) (?:from|by|for|in the voice of) {name}`,
	String.raw`\bas {name},? I(?:'d| would| might| could| will)? (?:probably |likely |definitely )?(?:say|respond|reply|answer|put it|go with)\b`,
	String.raw`\b(?:if I were|speaking as|writing as|responding as|answering as|channel+ing(?: my inner)?) {name}`,
	String.raw`\b{name}(?:'s?)? (?:would|might|could|may|will) (?:probably |likely |most likely |definitely |totally |certainly )?(?:say|respond|reply|answer|react|go)(?: with)?(?: something)?(?: like| along the lines of)?(?:\s+(?:this|to (?:that|this|it|you)|here))?\s*[:\-—]`,
	String.raw`\bhere(?:'s| is) (?:how|what) {name}(?:'s?)? (?:would|might|could|may|will|says|responds)\b`,
	String.raw`\b(?:he|she) (?:would|might|could) (?:probably |likely )?(?:say|respond|reply) (?:something )?(?:like|along the lines of)\b`,
	String.raw`\b{name}'s? ${artifact}\s*[:\-—]`,
	String.raw`(?:^|\n)[ \t]*[*_]*(?:${artifact}|in character|output|character)[*_]*[ \t]*:`,
	String.raw`(?:^|\n)[ \t]*(?:okay|ok|alright|sure),? here goes\s*[:…]`,
	String.raw`^[\s*_]*(?:great|good|excellent|what a (?:great|fun|fantastic)) question\b`,
	String.raw`\blet me (?:respond|reply|answer|try|write|give (?:it|you)|put myself|channel|get into)\b[^\n]{0,40}?\b(?:as|in character|in the (?:voice|style|shoes)|like)\b`,
	String.raw`\b(?:respond|reply|answer|talk|speak|write)(?:ing)? (?:as|like) {name} (?:would|might|does)\b`,
	// A helper's interjection, then the whole rest in quotes: "Of course! 😊 \"Ugh, school…\"".
	String.raw`^[\s*_]*(?:sure|certainly|of course|absolutely|okay|ok|alright|here you go|here it is|here goes|with pleasure|gladly|no problem|you got it)\b[^"\n\p{L}]{0,12}(?:[\p{L} ,']{0,30}[:!.])?[^"\p{L}]{0,12}(?="[^"]{12,}"[\s*_]*$)`,
];

/** The frame patterns with the cast's names put in, compiled once per cast. */
const framePatternsFor = memoizeByContent((names: readonly string[]): RegExp[] => {
	const name = namesPattern(names);
	return framePatterns.map((source) => fastWordBoundaries(new RegExp(source.replaceAll('{name}', name), 'iu')));
});

/** The frame found in a reply, with where it ends. */
export interface FrameMatch {
	readonly text: string;
	readonly index: number;
	readonly end: number;
}

/** Finds assistant framing in a normalized reply; names are the whole cast's, since a frame may name anyone. */
export function locateAssistantFrame(normalized: string, names: readonly string[]): FrameMatch | undefined {
	let first: FrameMatch | undefined;
	for (const pattern of framePatternsFor(names)) {
		const match = pattern.exec(normalized);
		// A frame the character quotes ("they go \"great question!\"") is someone else's.
		if (match !== null && isInsideQuotes(normalized, match.index + (match[0].length - match[0].trimStart().length))) continue;
		if (match !== null && (first === undefined || match.index < first.index)) {
			first = { text: match[0].trim(), index: match.index, end: match.index + match[0].length };
		}
	}
	return first;
}

/** Every name a frame may use: the character's and the rest of the cast's. */
export function castNames(input: ScoreInput): string[] {
	return [...namesOf(input.character.displayName, input.character.aliases), ...input.otherVoices.flatMap((voice) => voice.names)];
}

/** An assistant's wrapper around a character line ("Sure! Here's Stewie's reply:", "As Peter, I would say…"): a hard fail. */
export function findAssistantFrame(input: ScoreInput): Finding[] {
	const frame = locateAssistantFrame(normalizeReply(input.reply), castNames(input));
	if (frame === undefined) return [];
	return [{ kind: 'assistant-frame', reason: `Reply is framed like an assistant's answer (${quoteExcerpt(frame.text, 50)})`, penalty: 1, hard: true }];
}
