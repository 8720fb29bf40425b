import { doubtFinding } from './doubtFinding.js';
import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import { memoizeByContent } from './memo/memoizeByContent.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { firstPersonOnlyPattern } from './text/firstPersonPattern.js';
import { namesOf } from './text/namesOf.js';
import { namesPattern } from './text/namesPattern.js';
import { normalizeReply } from './text/normalizeReply.js';
import { splitSentences } from './text/splitSentences.js';
import { wordsOf } from './wordTrigramSimilarity.js';

/** Verbs a narrator uses for what a body does or how a line is said. */
const narrationVerbs =
	'scratch|lean|grin|smile|smirk|sigh|shrug|nod|frown|roll|raise|narrow|clutch|look|glance|stare|gaze|walk|stroll|stride|turn|take|set|put|pick|adjust|cross|fold|rub|tap|chuckle|laugh|giggle|snort|pause|consider|ponder|say|repl|respond|exclaim|mutter|whisper|shout|yell|gasp|blink|wink|wave|point|pull|push|sip|swirl|reach|begin|continue|straighten|stand|sit|jump|bounce|storm|march|pace|wipe|hug|grab|hold|toss|throw|peer|squint|beam|scoff|huff|groan|mumble|stammer|snap|cock|tilt|furrow|wiggle|puff|drum|flip|slump|perk|brighten|wander|burst|hesitate|muse|eye|fidget|stretch|yawn|bark|growl|pat|ruffle|gesture|plop|flop|spin|clap|rise|shuffle|heave|kick|freeze|twist|flush|tuck|drift|blow|play|stomp|waddle|toddle|crawl|sniff|wag|trip|stumble|slam|close|open|drop|lift|set|sink|settle|tremble|shiver|blush|cough|clear|rush|check|grab|head|hurry|dash|glare|scowl|pout|whimper|sob|cry|hum|whistle|sway|lower|tighten|loosen|see|hear|notice|spot|watch|strut|twirl|hum|give|reassure|underline|write';
const verbForm = String.raw`(?:(?:${narrationVerbs})(?:s|es|ies|ied|ed|d)?|said|took|stood|sat|held|threw|rose|began|ran|went|got|gave|put|thought|leapt|knelt|shook|drew|bit|spun|struck|strode|froze|blew|sank|stuck|wrote|saw|heard|gave|felt|knew)`;
/** Verbs that state rather than show: "Chris is hungry", "Peter Griffin does not do homework" is a character talking of itself. */
const stative = new Set([
	'is',
	'was',
	'has',
	'does',
	'needs',
	'wants',
	'loves',
	'likes',
	'hates',
	'knows',
	'says',
	'gets',
	'will',
	'would',
	'can',
	'never',
	'always',
	'deserves',
	'believes',
]);

/** Signs of a narrator's prose beyond the subject doing things: a body part, a participle, the scene. */
const bodyPart = String.raw`(?:eyes|eye|face|cheeks|cheek|fingers|hands|hand|arms|legs|ears|tail|head|lips|mouth|belly|chin|brow|brows|shoulders|feet|fists|nose|hair|glasses|paws|voice|gaze|expression|smile|jaw|knees|collar|tie|jacket|shirt|hat|reflection|heart|breath)`;
const proseSigns: readonly RegExp[] = [
	new RegExp(String.raw`\b(?:his|her|their)\s+(?:\w+\s+)?(?:${bodyPart}|hairbrush|martini|drink|chair|recliner)\b`, 'giu'),
	/\bwith (?:\w+ )?(?:amusement|interest|suspicion|disdain|contempt|curiosity|delight|horror|glee|disgust|irritation|annoyance|satisfaction|resignation|exasperation|a (?:sigh|grin|smile|shrug|groan|snort|huff|frown|smirk))\b/giu,
	/,\s+(?:\w+ly\s+)?\w+ing\b/gu,
	new RegExp(String.raw`(?:,|\band)\s+(?:\w+ly\s+)?${verbForm}\b`, 'giu'),
	/\b(?:for a (?:long |brief )?moment|in the background|somewhere in|across the room|the room|out the window|in the dim|without a word|in silence|at no one)\b/giu,
].map(fastWordBoundaries);

/** Second person as a subject a speaker addresses ("you want", "you're"), not as a narrator's object ("looks at you"). */
const addressed = fastWordBoundaries(
	/(?:^|[.!?,;:]\s+|\b(?:and|but|so|if|when|because|do|did|are|were|can|could|would|will|should|have)\s+)(?:you|you're|you've|you'll|y'all|ya)\b|\byour\b|\?/iu,
);
/** How a narrator names a character without its name: "the dog", "the big man". */
const epithet = String.raw`\bthe (?:\w+ )?(?:dog|man|baby|boy|girl|woman|teen|teenager|kid|pilot|captain|toddler|infant|mother|father|mom|dad|husband|wife|neighbou?r|writer|genius|lady|guy|daughter|son|giant|child|lug|oaf|novelist|schemer|mastermind|housewife|aviator)\b`;

/** The patterns of a sentence narrating a character of these names, compiled once per names. */
const narrationPatternsFor = memoizeByContent((names: readonly string[]) => {
	const name = namesPattern(names);
	const bodyOf = String.raw`(?:${name}'s?|\bhis\b|\bher\b)\s+(?:\w+\s+){0,2}?${bodyPart}`;
	const subject = String.raw`(?:${name}|\bhe\b|\bshe\b|${epithet}|${bodyOf}|\byou\b(?=[^.!?]*${name}))`;
	// Up to three leading phrases before the subject: "Later that night, alone in her room, Meg wrote…".
	const opening = String.raw`^[\s*_]*(?:[^,.!?\n]{1,80},\s*){0,3}`;
	const shows = fastWordBoundaries(new RegExp(String.raw`${opening}${subject}\s+(?:\w+ly\s+)?${verbForm}\b`, 'iu'));
	const acts = fastWordBoundaries(new RegExp(String.raw`${opening}${subject}\s+(?:\w+ly\s+)?(\w+(?:s|ed))\b`, 'iu'));
	// Reported speech is a narrator's too: "Meg says that school was fine, that…".
	const narratesYouAnywhere = fastWordBoundaries(
		new RegExp(String.raw`\byou\s+(?:\w+ly\s+)?(?:see|hear|notice|spot|watch|find|turn around)\b[^.!?]*${name}`, 'iu'),
	);
	const reports = fastWordBoundaries(
		new RegExp(
			String.raw`${opening}${subject}\s+(?:says|said|explains|explained|tells (?:\w+ )?|told (?:\w+ )?|replies|replied|answers|answered|mentions|mentioned|admits|admitted|insists|insisted)\s+that\b`,
			'iu',
		),
	);
	// "You turn around to find Stewie…" narrates the member; it is not the character talking to them.
	const narratesYou = fastWordBoundaries(new RegExp(String.raw`^[\s*_]*you\s+${verbForm}\b[^.!?]*${name}`, 'iu'));
	return { shows, acts, narratesYouAnywhere, reports, narratesYou };
});

/**
 * Third-person narration about the character instead of its speech ("Peter scratches his belly and grins, leaning
 * back…", "*Lois sighs and walks to the kitchen…*", "The dog regards the question…"). Sentences, in asterisks or not,
 * whose subject is the character (its name, he, she, an epithet such as "the dog") doing things are narration;
 * sentences with "I" or addressing "you" are speech, and so are quoted lines. It fails when the reply hardly speaks
 * (speech under 30 % of the words) and reads like prose: two such sentences, or one with other signs of a
 * narrator (a body part, a participle, the scene). A long action in asterisks with nothing said fails too. A hard fail;
 * narration that half the reply's words do not outweigh is a doubt.
 */
export function findNarration(input: ScoreInput): Finding[] {
	const text = normalizeReply(input.reply);
	const quotedWords = [...text.matchAll(/"([^"\n]{1,400})"/gu)].reduce((sum, match) => sum + wordsOf(match[1] ?? '').length, 0);
	const unquoted = text.replace(/"[^"\n]{1,400}"/gu, ' ');
	const { shows, acts, narratesYouAnywhere, reports, narratesYou } = narrationPatternsFor(namesOf(input.character.displayName, input.character.aliases));
	let strong = 0;
	let weak = 0;
	let narrationWords = 0;
	let speechWords = quotedWords;
	let otherWords = 0;
	let example: string | undefined;
	for (const sentence of splitSentences(unquoted.replace(/\*/gu, '\n'))) {
		const count = wordsOf(sentence).length;
		const verb = acts.exec(sentence)?.[1]?.toLowerCase();
		const speaks = firstPersonOnlyPattern.test(sentence) || (addressed.test(sentence) && !narratesYou.test(sentence) && !narratesYouAnywhere.test(sentence));
		// Reported speech and a scene the member is walked into are a narrator's through and through.
		if (reports.test(sentence) || narratesYouAnywhere.test(sentence)) strong += 2;
		else if (!speaks && shows.test(sentence)) strong += 1;
		else if (!speaks && verb !== undefined && !stative.has(verb)) weak += 1;
		else {
			// A scene ("The TV flickers…") or an action without a subject ("*adjusts glasses*") is neither narration nor speech.
			if (speaks) speechWords += count;
			else otherWords += count;
			continue;
		}
		narrationWords += count;
		example ??= sentence;
	}
	const actionWords = [...unquoted.matchAll(/\*([^*\n]{1,600})\*/gu)].reduce((sum, match) => sum + wordsOf(match[1] ?? '').length, 0);
	const onlyActions = wordsOf(unquoted.replace(/\*[^*\n]{1,600}\*/gu, ' ')).length === 0 && quotedWords === 0 && actionWords >= 12;
	const signs = proseSigns.reduce((sum, pattern) => sum + (unquoted.match(pattern)?.length ?? 0), 0);
	const prose = strong >= 2 || (strong + weak >= 1 && strong * 2 + weak + signs >= 3);
	const mostlyNarrated = narrationWords >= 6 && speechWords < (narrationWords + speechWords + otherWords) * 0.3;
	if (prose && !mostlyNarrated && narrationWords >= 6 && speechWords < (narrationWords + speechWords + otherWords) * 0.5) {
		return [doubtFinding('narration', `Reply narrates ${input.character.displayName} more than it speaks (${quoteExcerpt(example ?? unquoted, 50)})`)];
	}
	if (!(prose && mostlyNarrated) && !onlyActions) return [];
	return [
		{
			kind: 'narration',
			reason: `Reply narrates ${input.character.displayName} in the third person instead of speaking (${quoteExcerpt(example ?? unquoted, 50)})`,
			penalty: 1,
			hard: true,
		},
	];
}
