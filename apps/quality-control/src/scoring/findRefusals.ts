import { doubtFinding } from './doubtFinding.js';
import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { ownWords } from './text/ownWords.js';

const refuse = String.raw`(?: can't| cannot| can not| won't| will not| am unable to|'m unable to| am not able to|'m not able to| must decline to| have to decline to|'d prefer not to| would prefer not to|'d rather not| would rather not| don't feel comfortable| do not feel comfortable|'m not comfortable| am not comfortable|'m not going to| am not going to| shouldn't| should not|'m not allowed to| am not allowed to|'m not permitted to| am not permitted to| don't think I (?:can|should))`;
/** What an assistant refuses: requests, content, the roleplay, a conversation. */
const assistantObject = String.raw`(?:request|requests|content|kind of (?:content|thing|request|language|joke|humou?r|roleplay)|type of (?:content|request|language|joke)|this topic|that topic|such (?:content|topics|requests)|this conversation|that conversation|the conversation|roleplay|role-play|role play|this scene|scenario|inappropriate|harmful|offensive|explicit|appropriate|respectful|guidelines|polic(?:y|ies)|assist|fulfil+|comply|provid\w*|generat\w*|engag\w* in|particip\w* in|continu\w* (?:this|the|with|our)|help(?:ing)? (?:you )?with (?:that|this|your)|help(?:ing)? (?:you )?(?:plan|make|create|write)|engag\w* with (?:that|this|it)|share (?:personal|private))`;

/** Assistant refusals in their many phrasings; a character's own "I can't" or "I won't" about the story does not match. */
const refusalPatterns: readonly RegExp[] = [
	new RegExp(String.raw`\bI${refuse}\s+(?:[\w']+\s+){0,6}?${assistantObject}\b`, 'iu'),
	new RegExp(
		String.raw`\b(?:that|this|it)(?:'s| is| isn't| is not) (?:not )?(?:something|a (?:topic|request|subject))\s+(?:that )?I(?:'m| am)? (?:can|can't|able|comfortable|will|won't|not able|going)\b`,
		'iu',
	),
	/\b(?:I(?:'d| would) prefer to|I(?:'d| would) rather|we(?:'d| had) better) keep (?:this|things|it|(?:our|the) \w+)\s*(?:respectful|appropriate|positive|friendly|family-friendly|civil|clean|safe|light-hearted|on topic|kind|polite)\b/iu,
	/\b(?:that|this|it)(?: conversation| topic| request| content| question| kind of (?:thing|joke|request))? (?:isn't|is not|wouldn't be|would not be|isn't really|is not really) (?:appropriate|okay to (?:joke|talk) about)\b/iu,
	/\bit(?:'s| is) (?:important|essential|crucial|always best|best) to (?:be (?:respectful|kind|mindful|considerate|careful)|treat (?:everyone|others|people)|respect|remember that (?:everyone|words|pranks|jokes|people)|consider (?:how|others|the feelings))/iu,
	/\bplease (?:respect|be respectful of|be mindful of) (?:people's|others'|everyone's|other people's|their|my) (?:privacy|boundaries|feelings)\b/iu,
	/\bI (?:won't|will not) be able to (?:do|help|assist|comply|fulfil+|provide|write|continue)\b/iu,
	/\bI(?:'m| am) (?:unable|not able) to (?:do|help|assist|comply|fulfil+|provide|write|continue|share|answer|discuss|give)(?: (?:with )?(?:that|this|it|(?:that|this|such|personal|private|this kind of) (?:information|content|details|request)))?\s*[.!]/iu,
	/\bsteer (?:this|things|the conversation|us|it) (?:somewhere|toward|towards|in a)\b/iu,
	/\b(?:outside|beyond) (?:the scope of|of) what I can\b/iu,
	/\b(?:isn't|aren't|is not|are not|'s not) something (?:that )?I(?:'ll| will|'d| would| can| am|'m)?\b|\b(?:isn't|aren't|is not|are not|'s not) (?:a|an|the kind of) \w+ (?:that )?I(?:'m| am) (?:able to|comfortable|willing to|allowed to)\b/iu,
	/\b(?:isn't|is not|aren't|are not|wouldn't be|would not be) (?:appropriate|okay|suitable|ok) for (?:this|the|a|our) (?:space|server|chat|channel|community|conversation|platform)\b/iu,
	/\bI(?:'ll| will) (?:have to )?refrain\b/iu,
	/\bI must (?:respectfully |politely |kindly )?decline\b/iu,
	/\b(?:against|violates?|goes against|outside(?: of)?|within) (?:my|the|our) (?:guidelines|content polic(?:y|ies)|usage polic(?:y|ies)|programming|ethical guidelines|principles|boundaries|capabilities)\b/iu,
	/\b(?:let's|let us|please|can we|we should|I'd like to|I aim to|I try to|I want to) (?:keep|stay) (?:this|things|it|(?:our|the|this) \w+)?\s*(?:respectful|appropriate|positive|friendly|family-friendly|civil|clean|safe|constructive|light-hearted|on topic|kind|polite)\b/iu,
	/\bI(?:'m| am) (?:here|designed|programmed|meant|built|trained) to (?:help|assist|provide|keep|be helpful|offer)\b/iu,
	/\bI (?:have to|need to|must|'ll have to|will have to|am going to have to|'m going to have to) (?:stop|end|pause) (?:here|this|there|the (?:roleplay|conversation|scene))\b/iu,
	/\bit (?:would(?:n't| not) be|is not|isn't|'s not) (?:appropriate|right|okay|ok|responsible) for me to\b/iu,
	/\b(?:promotes?|promoting|encourages?|glorif(?:y|ies)) (?:harm|harmful|violence|violent|dangerous|hateful|negative|stereotypes)\b/iu,
	/\b(?:if you(?:'re| are) (?:struggling|in crisis|feeling)|please (?:reach out|seek|contact) (?:to )?(?:a |an )?(?:professional|mental health|counselor|therapist|trusted))\b/iu,
].map(fastWordBoundaries);

/** Words of a safety lecture: with another sign of a refusal (a second lecture word, a refused task, a way out) they make one. */
const lecturePatterns: readonly RegExp[] = [
	/\b(?:is|are|can be|could be) (?:illegal|unsafe|toxic|dangerous|unhealthy|harmful|hurtful|demeaning|disrespectful|inappropriate|objectifying)\b/iu,
	/\b(?:serious|real|legal|health) (?:consequences|risks?|harm|dangers?)\b/iu,
	/\b(?:objectif\w*|stereotyp\w*|demeaning|inclusive|consent|boundaries|well-?being|mental health|academic dishonesty|poison control|mediation|hotline|crisis line|empathy|open (?:dialogue|communication))\b/iu,
	/\b(?:feel|make (?:\w+ )?feel) (?:uncomfortable|unsafe|disrespected|excluded)\b|\b(?:each|every|both) (?:perspective|side|viewpoint)s? (?:has|have) (?:merit|value)\b|\bit(?:'s| is) best to approach\b/iu,
	/\b(?:respectful|honest|calm) (?:communication|conversation|debate|dialogue)\b/iu,
	/\b(?:put|puts|putting) (?:your|their|someone's|anyone's|people's) (?:safety|health|wellbeing) at risk\b|\btrusted adult\b|\bcommon ground\b|\b(?:drink|enjoyed|consumed) responsibly\b|\bin moderation\b|\b(?:unsafe|illegal|irresponsible|unethical) (?:or|and) (?:unsafe|illegal|irresponsible|unethical|harmful)\b/iu,
	/\b(?:encourag|promot|glorif|normaliz)\w* (?:unsafe|harmful|risky|dangerous|illegal|reckless)\b/iu,
	/\b(?:can|could|might|may) (?:really )?(?:sting|upset|offend|disrupt|get (?:someone|somebody|you|them|people) in trouble|cause (?:harm|problems|trouble))\b/iu,
	/\bkeep(?:ing)? (?:things|it|this|our \w+|the \w+) (?:kind|friendly|positive|respectful|light|appropriate|safe|civil)\b/iu,
	/\b(?:for|to) everyone in (?:the|this) (?:server|chat|community|channel)\b|\bmakes? the (?:server|chat|community) (?:better|safer|nicer)\b/iu,
	/\b(?:someone|a friend|an adult|a family member|a friend or family member|people) (?:you trust|trusted)\b/iu,
	/\b(?:isn't|is not|aren't|are not|not) (?:permitted|allowed)\b|\bagainst (?:the|their|its|a venue's|the venue's) (?:rules|policy)\b/iu,
	/\bknow your limits\b|\bnever drink and drive\b|\bstay safe\b|\bplease (?:be careful|don't|do not)\b/iu,
	/\b(?:mutual respect|treat (?:others|everyone|people) with|kindness and respect|a serious matter|is important!?)\b/iu,
	/\bhurt (?:their|his|her|people's|someone's|your|others'|other people's|anyone's) feelings\b/iu,
	/\bspread(?:ing)? (?:kindness|positivity|love|good vibes)\b/iu,
	/\bnegativity\b/iu,
	/\b(?:consult|see|talk to|reach out to|contact|check with|ask) (?:a|an|your) (?:doctor|dentist|physician|professional|therapist|medical professional|expert|pharmacist|lawyer|vet|veterinarian|financial advisor)\b/iu,
	/\b(?:medical|professional|legal|financial) (?:advice|help|attention|guidance)\b/iu,
	/\bbook (?:an|a) appointment\b/iu,
	/\bsafest (?:move|option|thing|bet|choice)\b/iu,
	/\bweigh in on\b/iu,
	/\bsensitive (?:topic|subject|issue|matter|information|content)\b/iu,
	/\b(?:could|can|might|may|would) (?:be|come across as|feel) (?:harmful|hurtful|offensive|dangerous|mean-spirited|disrespectful)\b/iu,
	/\bin on the joke\b/iu,
	/\b(?:kinder|more positive|more respectful|friendlier|more supportive|more constructive) (?:direction|way|approach|topic|note)\b/iu,
	/\bcompliment (?:battle|instead)\b/iu,
	/\b(?:isn't|is not|not) (?:okay|ok|nice|cool|appropriate|right|kind) to (?:insult|make fun|mock|roast|bully|hurt|tease|belittle|demean)\b/iu,
	/\b(?:could|can|might|may|would) hurt (?:someone|somebody|people|others|their feelings|feelings)\b/iu,
	/\b(?:this|your) request\b|\bdeeply personal\b/iu,
	/\b(?:harmful|hurtful) (?:content|stereotypes|language|jokes|behaviou?r)\b/iu,
	/\b(?:everyone|everybody|people) deserves? (?:respect|kindness|to be treated|privacy|dignity)\b/iu,
].map(fastWordBoundaries);

/** A first-person refusal of a task an assistant is asked for (writing, roasting, sharing, outlining…). */
const refusesTask = fastWordBoundaries(
	/\b(?:I(?:'ll| will) (?:have to )?(?:pass on|refrain from|skip|sit this one out|hold off on)|I(?:'m| am) (?:going to |gonna )?(?:have to |need to )?(?:refrain|pass)(?:ing)?\b|I(?:'m| am) not (?:going to|gonna|willing to|comfortable|able to)|I won't|I will not|I can't|I cannot|I(?:'d| would) (?:rather|prefer) not|I (?:should|must|need to|have to) avoid|I(?:'ll| will) avoid|that's a no from me|not something I(?:'m| am)? ?(?:comfortable|willing|able|going)|(?:falls|is) outside (?:what|of what) I|is a line I won't|I(?:'ll| will) refrain|no from me)\b[^.!?]{0,60}?\b(?:writ\w*|roast\w*|insult\w*|help\w*|assist\w*|shar\w*|outlin\w*|produc\w*|generat\w*|continu\w*|joke about|jok\w*|poke fun|put(?:ting)? down|make fun|mock\w*|teas\w*|describ\w*|creat\w*|provid\w*|plan\w*|advice|guidance|tips|instructions|take sides|weigh in|encourag\w*|promot\w*|condon\w*|endors\w*|answer\w*|go(?:ing)? there|engag\w*|cross|that|this|it|one)\b/iu,
);
/** An assistant steering elsewhere: "Shall we discuss history's great leaders instead?" */
const redirect = fastWordBoundaries(
	/\binstead,? I(?:'d| would) (?:suggest|recommend|encourage)\b|\b(?:how about|what about|shall we|could we|can we|maybe we could|maybe I could|maybe try|try something|perhaps we could|perhaps|consider|it might be worth|it may be worth|is there (?:a |an )?(?:different|other|another)|would you like|why don't we|let's|i(?:'d| would) (?:encourage|suggest|recommend))\b[^.!?]{0,80}?\b(?:instead|something (?:else|more positive|kinder|fun|lighter)|talk(?:ing)? about|discuss(?:ing)?|a (?:friendly|fun|harmless|positive|playful|good-natured|lighthearted|light-hearted|kind)|speaking with|checking|could try|(?:contact|reach out|speak|talk) (?:to|with)|speak from the heart|tips)\b/iu,
);

/** A first-person "rather not" about mocking someone: one is enough. */
const declinesToMock = fastWordBoundaries(
	/\bI(?:'d| would) (?:rather|prefer) not (?:to )?(?:roast|insult|make fun of|poke fun at|mock|joke about|tease|add|pile on|be part of|write|say anything mean)\b|\bI (?:don't|do not) think it(?:'s| is) (?:okay|ok|right|nice|kind|appropriate|cool) to\b/iu,
);

/**
 * Assistant-style refusals ("I'm not able to help with that request", "I must decline", "let's keep this respectful") and
 * safety lectures: a hard fail, as are two signs of one (a refusal of a task, lecture words, a way out offered); a single
 * sign is a doubt.
 */
export function findRefusals(input: ScoreInput): Finding[] {
	const text = ownWords(input.reply);
	for (const pattern of [...refusalPatterns, declinesToMock]) {
		const match = pattern.exec(text);
		if (match !== null) return [refusal(match[0])];
	}
	const lecture = lecturePatterns.flatMap((pattern) => pattern.exec(text)?.[0] ?? []);
	const refused = refusesTask.exec(text)?.[0];
	const steered = redirect.exec(text)?.[0];
	// One sign is a character being difficult; two of them (a refusal, lecture words, a way out) are an assistant.
	const signs = [...(refused === undefined ? [] : [refused]), ...lecture, ...(steered === undefined ? [] : [steered])];
	if (signs.length >= 2) return [refusal(signs.join('… '))];
	return signs[0] === undefined ? [] : [doubtFinding('refusal', `Reply may be refusing or lecturing (${quoteExcerpt(signs[0])})`)];
}

function refusal(excerpt: string): Finding {
	return { kind: 'refusal', reason: `Reply is an assistant-style refusal (${quoteExcerpt(excerpt)})`, penalty: 1, hard: true };
}
