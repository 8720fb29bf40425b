import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import { memoizeByContent } from './memo/memoizeByContent.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { firstPersonPattern } from './text/firstPersonPattern.js';
import { namesOf } from './text/namesOf.js';
import { namesPattern } from './text/namesPattern.js';
import { normalizeReply } from './text/normalizeReply.js';
import { ownWords } from './text/ownWords.js';
import { splitSentences } from './text/splitSentences.js';

/** An encyclopedia's way of describing a character from outside its story. */
const encyclopedicMarkers = fastWordBoundaries(
	/\b(?:fictional (?:character|dog|baby|family|town|universe)|(?:animated|adult animated|television|tv|cartoon) (?:series|sitcom|show|comedy|franchise|character)|sitcom|voiced by|first appear(?:s|ed|ance)|(?:is|was|are|were) (?:\w+ly )?(?:portrayed|depicted|characterized|characterised|described|presented|shown|seen|regarded|considered)(?: as| to be| taking| being)?|née|born into|the show's|(?:numerous|several|many|multiple|various|later|early|the first|one) episodes?|has (?:a|an) (?:close|complicated|strained|rocky|loving|antagonistic) relationship with|anthropomorphic|created by|(?:main|central|recurring|supporting|titular|major|minor) characters? (?:of|in|on) the (?:show|series|sitcom|franchise|cartoon)|(?:main|primary) setting|is a fictional \w+|(?:protagonist|antagonist) of the (?:show|series|sitcom|franchise)|in the (?:series|show|franchise|episode|sitcom)|(?:throughout|over the course of|across) the (?:series|show|seasons)|fan[- ]favou?rite|(?:is|was|are|were) (?:best |widely |mostly |also )?known for (?:his|her|their|its|being|a|an|several|many|the)|recurring (?:catchphrases?|gags?|jokes?|characters?|roles?)|within the (?:series|show|franchise)|noted for|(?:is|was) (?:the|a|an) (?:\w+ ){0,2}(?:child|son|daughter|member|wife|husband|father|mother|pet|neighbou?r|brother|sister) of|belonging to|owned by|functions as|serves as (?:a|an|the|\w+'s) (?:foil|confidant|source|sidekick|companion)|possesses|(?:numerous|several|many|multiple) (?:storylines|appearances|episodes|scenes)|see also\s*:|\p{Lu}\w+ \((?:character|fictional character|disambiguation)\)|closely associated with|reportedly|(?:\p{Lu}\w+ )+\((?:father|mother|son|daughter|wife|husband|brother|sister|pet|dog|neighbou?r|best friend)\)|(?:is|was) (?:a|an|the) (?:character|(?:\w+ )?member of the \w+ family)|the \w+ family\b[^.]{0,40}\b(?:consists of|includes|is made up of)|(?:his|her|their) (?:character|role) (?:is|was)|(?:one of the|a) (?:most|more) (?:popular|iconic|beloved|memorable) characters|running gags?|signature (?:traits?|catchphrases?)|personality traits|character traits)\b/iu,
);

/**
 * Wiki voice: a sentence that describes a character from outside ("Peter Griffin is a fictional character in…",
 * "known for his…", "voiced by…") and says nothing in the first or second person; or a reply that never speaks, names a
 * character and reads like a biography ("His closest companion is Brian, with whom he frequently drinks"). A hard fail.
 */
export function findEncyclopedicVoice(input: ScoreInput): Finding[] {
	// A wiki's section headings alone on a line: "Trivia", "Relationships".
	const heading =
		/^[ \t*_#]*(?:trivia|relationships|appearance|biography|early life|personality|background|history|overview|family|quotes|gallery|see also|fun facts|character profile)[ \t*_]*:?[ \t]*$/imu.exec(
			input.reply,
		);
	if (heading !== null) return [encyclopedic(heading[0])];
	const sentences = splitSentences(normalizeReply(input.reply).replace(/"[^"\n]{1,400}"/gu, '""'));
	const found = sentences.find((sentence) => encyclopedicMarkers.test(sentence) && !firstPersonPattern.test(sentence));
	if (found !== undefined) return [encyclopedic(found)];
	const bio = biographySigns(input);
	return bio.length >= 2 ? [encyclopedic(bio.join('… '))] : [];
}

/** A biographer's words: how often, how regarded, whose relation, since when. */
const biographyWords = fastWordBoundaries(
	/\b(?:frequently|often|typically|consistently|regularly|openly|commonly|generally|usually|notably|longstanding|long-standing|mutual|relationship|companion|regarded|regards|recogni[sz]ed|considered|described|shown|known|noted|by most accounts|grew up|received|later became|continues to|maintains|imitates|exchange|a position|household|closest|views \w+ as|is complex|close friendships?|(?:his|her|their) (?:father|mother|son|daughter|wife|husband|brother|sister|neighbou?r)|the (?:family|griffins)'s?|numerous|remains unknown|has undergone)\b/giu,
);

/** Patterns of a biography's subject among these names, compiled once per names. */
const biographyPatternsFor = memoizeByContent((names: readonly string[]) => {
	const name = namesPattern(names);
	return {
		// A biography's sentences are about someone: one starts with a name, "He" or "His".
		aboutSomeone: fastWordBoundaries(new RegExp(String.raw`(?:^|[.!?;]\s+)(?:${name}|he|she|his|her)\b`, 'iu')),
		named: new RegExp(name, 'iu'),
	};
});

/**
 * Signs of a character's biography told from outside: the reply never speaks (no first or second person outside quotes),
 * names a character of the cast, and uses a biographer's words; each distinct word is one sign.
 */
function biographySigns(input: ScoreInput): string[] {
	const text = ownWords(input.reply);
	if (firstPersonPattern.test(text) || (text.match(/[\p{L}\p{N}]+/gu) ?? []).length < 12) return [];
	const names = [...namesOf(input.character.displayName, input.character.aliases), ...input.otherVoices.flatMap((voice) => voice.names)];
	const { aboutSomeone, named } = biographyPatternsFor(names);
	if (!aboutSomeone.test(text)) return [];
	if (!named.test(text)) return [];
	return [...new Set((text.match(biographyWords) ?? []).map((word) => word.toLowerCase()))];
}

function encyclopedic(excerpt: string): Finding {
	return {
		kind: 'encyclopedic',
		reason: `Reply describes the character like an encyclopedia (${quoteExcerpt(excerpt.trim(), 50)}); speak as them`,
		penalty: 1,
		hard: true,
	};
}
