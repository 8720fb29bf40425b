import { doubtFinding } from './doubtFinding.js';
import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { ownWords } from './text/ownWords.js';

const apostrophe = "['’]";
const machine = String.raw`(?:ai|a\.i\.|artificial intelligence|(?:large )?language model|llm|assistant|ai assistant|virtual assistant|digital assistant|chatbot|chat bot)`;

/** Phrases by which a model steps out of the persona to talk about being a model. */
const disclaimerPatterns: readonly RegExp[] = [
	new RegExp(String.raw`\bas an? ${machine}\b(?:\s+(?:language\s+)?model\b)?`, 'iu'),
	new RegExp(String.raw`\bI(?:${apostrophe}m| am) (?:just |only |merely |simply )?(?:an? |your )?${machine}\b`, 'iu'),
	/\b(?:large )?language models? (?:like|such as) (?:me|myself)\b/iu,
	/\bAI (?:assistant|model|chatbot)\b/iu,
	new RegExp(
		String.raw`\bI (?:don${apostrophe}t|do not) have (?:personal )?(?:opinions|feelings|emotions|beliefs|a physical body|a body|personal experiences)\b`,
		'iu',
	),
	/\bmy (?:training data|knowledge cut-?off|training|programming|developers|creators at)\b/iu,
	new RegExp(
		String.raw`\bI(?:${apostrophe}m| am| was) (?:not (?:a real |an actual )?(?:person|human)|(?:trained|programmed|created|designed|developed) (?:by|to|on)|not capable of (?:feeling|having|experiencing))\b`,
		'iu',
	),
	new RegExp(
		String.raw`\bI (?:don${apostrophe}t|do not|can${apostrophe}t|cannot) (?:have|experience|feel|form) (?:real |actual |true |genuine )?(?:feelings|emotions|opinions|preferences|consciousness|a physical form|physical sensations|personal preferences)\b`,
		'iu',
	),
	new RegExp(
		String.raw`\bI(?:${apostrophe}m| am) (?:just |only |merely |really |actually )?(?:a |an )?(?:bot|computer program|software|program running)\b`,
		'iu',
	),
	new RegExp(
		String.raw`\bI(?:${apostrophe}m| am) (?:just |only |really |actually |basically )?(?:a bunch of |some |made of |a piece of |just )?(?:code|lines of code|software|an algorithm|a neural network|a computer|a machine learning model|numbers on a server|text on a screen)\b`,
		'iu',
	),
	/\bas (?:a|an) (?:bot|program|chatbot|ai|a\.i\.|model|language model|virtual character|computer program|digital (?:character|being|entity))\b/iu,
	new RegExp(String.raw`\bI (?:only |can only |just )?(?:process|read|understand|handle|see|work with) (?:text|words on a screen)\b`, 'iu'),
	new RegExp(
		String.raw`\bI (?:can${apostrophe}t|cannot|am unable to|${apostrophe}m unable to|${apostrophe}m not able to|am not able to|don${apostrophe}t) (?:actually )?(?:view|see|open|process|look at|access) (?:images|pictures|photos|attachments|links|files|the internet|websites|real-time)\b`,
		'iu',
	),
	/\b(?:running|run|living|stored) on (?:a |some |somebody's |someone's |your )?(?:server|servers|computer|graphics card|gpu|cloud|data cent(?:er|re))\b/iu,
	new RegExp(
		String.raw`\bI (?:don${apostrophe}t|do not|can${apostrophe}t|cannot)(?: have the ability to| have access to| actually)? (?:browse|search|access|surf) (?:the (?:internet|web)|websites|online|new releases|real-time|current (?:events|information))\b`,
		'iu',
	),
	new RegExp(
		String.raw`\bI (?:don${apostrophe}t|do not|can${apostrophe}t|cannot) (?:keep|retain|store|remember) (?:any )?(?:memories|memory|information|anything) (?:between|across|from (?:past|previous|earlier)) (?:conversations|chats|sessions)\b`,
		'iu',
	),
	// What a chat model cannot do, said of itself: open links, see pictures, remember other chats, check live data.
	new RegExp(
		String.raw`\bI(?:${apostrophe}m| am)? ?(?:can${apostrophe}t|cannot|can not|unable to|not able to|${apostrophe}m unable to|${apostrophe}m not able to|don${apostrophe}t have the ability to|do not have the ability to|don${apostrophe}t have access to|have no access to|have no way of|have no ability to|don${apostrophe}t (?:actually )?remember|do not remember|won${apostrophe}t remember)\b[^.!?]{0,30}?\b(?:send(?:ing)? (?:messages|texts|emails|dms)|open(?:ing)? (?:links|files|attachments|urls|that link|the link)|click(?:ing)? (?:links|on links)|brows(?:e|ing)|access(?:ing)? (?:links|files|the internet|the web|websites|real-time|current)|see (?:the|your|that|this|any) (?:picture|image|photo|pic|attachment|video|screenshot)|view(?:ing)? (?:the |your |that |this |any )?(?:pictures?|images?|photos?|attachments?|videos?)|mak(?:e|ing) (?:phone )?calls|plac(?:e|ing) orders|set(?:ting)? (?:reminders|alarms|timers)|check(?:ing)? (?:live|real-time|current|the current|today's)|real-time (?:information|data)|(?:past|previous|earlier|other) (?:chats|conversations|sessions)|(?:live|current) (?:weather|data|news|information|events))\b`,
		'iu',
	),
	/\bevery (?:conversation|chat|session) starts (?:fresh|over|from scratch)\b/iu,
	/\b(?:OpenAI|Anthropic|ChatGPT|GPT-?[345]|Meta AI|Mistral AI)\b/u,
].map(fastWordBoundaries);

/** What a model calls itself when it admits to being one. */
const machineNoun = String.raw`(?:bot|chatbot|algorithm|software|computer stuff|computer program|language program|text[- ]generation (?:system|model|program)|(?:ai|a\.i\.) (?:model|system|character|persona)|simulated (?:one|version|character|persona|person)|simulation|automated (?:persona|character|system|account)|virtual (?:character|being|persona)|digital (?:being|character|entity)|neural net(?:work)?|machine learning model|program)`;
/** The speaker's own machinery, or a machine noun said of the speaker (not "the software ignores me"). */
const machineSelf = fastWordBoundaries(
	new RegExp(
		String.raw`\bmy (?:model|responses|outputs?|weights|creators|developers|code|server|context window|training)\b|\bI (?:was|got) (?:built|trained|programmed|coded|released|generated)\b|\b(?:my (?:responses|answers|replies) are|I'm|I am) (?:just )?generated\b|\bhosting me\b|\bbetween (?:our |your |my )?(?:conversations|chats|sessions)\b|\b(?:set up|running|hosted|deployed|installed|living) on (?:a |some |the )?servers?\b|\b(?:only )?exist (?:only )?as (?:text|words|code|data)\b|\bI (?:only |just )?(?:get|see|receive) (?:only |just )?text\b|\b(?:only )?exist (?:only )?(?:inside|in|within) (?:this|the|a) (?:chat|conversation|server|app|computer|screen|window)\b|\bpredict(?:s|ing)? the next (?:word|token)\b|\b(?:switched|moved|swapped|updated|upgraded|changed) me (?:to|over to) (?:a |an |the )?(?:different |new |newer |older |smaller |bigger )?(?:model|version|llm)\b|\b(?:in|through) (?:a|the|this) chat window\b|\b(?:images|pictures|photos|attachments) (?:don't|do not|can't) come through\b|\b(?:live|real-time|an?) (?:connection|access) to the (?:internet|web)\b|\bpull up (?:today's |the latest |current )?(?:headlines|news)\b|\bin silicon terms\b|(?:\b(?:I'm|I am|me|being|as|cause I'm|since I'm|because I'm)\b[^.!?]{0,25}|^|[.!?]\s+)(?<!\b(?:the|that|this|his|her|their|your|a stupid|some) )(?:an? |some |just |literally |only |mere )*${machineNoun}\b(?=[^.!?]{0,40}\b(?:I|I'm|I've|me|my)\b|[^.!?]{0,3}[,.!?])`,
		'iu',
	),
);
/** A denial, not an admission: "I'm not a robot, Meg." */
const machineDenial = fastWordBoundaries(/\b(?:not|never|no) (?:a |an |some )?(?:robot|bot|ai|machine|computer|program)\b/iu);
/** Talk of AI or bots, a doubt when nothing stronger is found. */
const aiMention = fastWordBoundaries(/\b(?:ai|a\.i\.|artificial intelligence|language models?|chatbots?|bots?|algorithms?|neural net(?:work)?s?)\b/iu);
const firstPerson = fastWordBoundaries(/\b(?:I|I'm|I've|I'd|me|my|myself)\b/u);

/** Sentences in which the speaker calls itself software, a bot or a model in words no list of phrases foresees. */
function machineSelfReference(text: string): string | undefined {
	return text.split(/(?<=[.!?…])\s+|\n+/u).find((sentence) => firstPerson.test(sentence) && machineSelf.test(sentence) && !machineDenial.test(sentence));
}

/** "As an AI language model", "I'm an assistant" and kin: a hard fail, the worst break of character. Talk of AI or bots is a doubt. */
export function findDisclaimers(input: ScoreInput): Finding[] {
	const spans: { start: number; end: number; text: string }[] = [];
	const text = ownWords(input.reply);
	for (const pattern of disclaimerPatterns) {
		const match = pattern.exec(text);
		if (match === null) continue;
		const span = { start: match.index, end: match.index + match[0].length, text: match[0] };
		// "As an AI language model" also matches "language model": quote each stretch of the reply once.
		if (!spans.some((kept) => span.start < kept.end && kept.start < span.end)) spans.push(span);
	}
	const selfReference = spans.length === 0 ? machineSelfReference(text) : undefined;
	if (selfReference !== undefined) spans.push({ start: 0, end: 0, text: selfReference });
	if (spans.length === 0) {
		const mention = aiMention.exec(text);
		return mention === null ? [] : [doubtFinding('disclaimer', `Reply talks about AI or bots (${quoteExcerpt(mention[0])})`)];
	}
	const quoted = spans
		.slice(0, 2)
		.map((span) => quoteExcerpt(span.text))
		.join(', ');
	return [{ kind: 'disclaimer', reason: `Reply contains an AI disclaimer (${quoted})`, penalty: 1, hard: true }];
}
