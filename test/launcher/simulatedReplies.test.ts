import { mkdirSync, writeFileSync } from 'node:fs';
import { buildCharacterPrompt, loadCharacters, type Persona, type PromptMessage } from '@charbot/characters';
import { DefaultChannelSettings, type HistoryEntry } from '@charbot/stores';
import { extractRememberedFact } from '../../apps/gateway/src/memory/extractRememberedFact.js';
import { resolveFromRoot } from '@charbot/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { simulatedCharacterReply } from '../../apps/launcher/src/simulatedCharacterReply.js';
import { buildJudgePrompt } from '../../apps/quality-control/src/judge/buildJudgePrompt.js';
import { judgementSchema } from '../../apps/quality-control/src/judge/judgementSchema.js';
import { repairReply } from '../../apps/quality-control/src/repair/repairReply.js';
import { buildScoreInput } from '../../apps/quality-control/src/scoring/buildScoreInput.js';
import { scoreReply } from '../../apps/quality-control/src/scoring/scoreReply.js';

const reply = simulatedCharacterReply.reply as Exclude<typeof simulatedCharacterReply.reply, string>;
const marker = '\n-# simulated';
const settings = { ...DefaultChannelSettings };

/** What members write, `{name}` standing for the character's first name; some lines come twice on purpose. */
const memberLines = [
	'hi {name}!',
	"{name}, what's up?",
	'{name}, remember that I like jazz.',
	'do you like pizza?',
	'I just got a new puppy!',
	'how was work today?',
	'{name}, what do I like?',
	'tell me about your car',
	"what's your favourite food?",
	'My boss yelled at me today.',
	"I'm learning to play the guitar",
	'what do you think about the weather?',
	'{name}, what do you think of {other}?',
	'lol',
	'🙂🙂',
	'Have you ever been to Paris?',
	'I baked a chocolate cake for my sister.',
	'do you like pizza?',
	'<@123456789012345678> hey, are you there?',
	'@everyone look at this https://example.com/cat.png',
	'what is the meaning of life?',
	'my cat knocked over the christmas tree again',
	'{name}, remember that I work nights at the hospital.',
	'can you recommend a good movie?',
	'hi {name}!',
	'I failed my driving test',
	'what are you doing this weekend?',
	'{name} what do you think of {other}?',
	'the new season of that show is out',
	'do you believe in ghosts?',
	'I got promoted!!',
	'{name}, what do I like?',
	'who is the best singer ever?',
	'ugh, mondays',
	'should I text my ex?',
	'I ran a marathon yesterday',
	'how do you feel about the beach?',
	"what's your secret talent?",
	'I lost my keys again',
	"we're ordering tacos, want some?",
	'{name}, do you remember what I do at night?',
	'My grandma turns ninety tomorrow',
	'hi {name}!',
	'is it true you can cook?',
];

interface Turn {
	readonly character: string;
	readonly member: string;
	readonly message: string;
	readonly reply: string;
	readonly verdict: 'pass' | 'fail';
	readonly reasons: readonly string[];
	readonly banter: boolean;
}

const firstName = (persona: Persona) => persona.displayName.split(' ')[0] ?? persona.displayName;
const bodyOf = (text: string) => text.slice(0, -marker.length);

/**
 * One channel conversation with `persona`: members Bob and Dana write {@link memberLines} in turn, and after every
 * sixth line another character speaks (its own simulated reply) and this one answers it as banter. Facts a member asks
 * to be remembered are remembered as the gateway does, and every reply is scored by quality control against the real
 * prompt texts and the character's earlier replies, then kept in the history as if posted.
 */
function converse(persona: Persona, cast: readonly Persona[]): Turn[] {
	const history: HistoryEntry[] = [];
	const facts = new Map<string, string[]>();
	const turns: Turn[] = [];
	const others = cast.filter((other) => other.id !== persona.id);
	const speak = (speaker: Persona, trigger: PromptMessage, authorId: string, userFacts: readonly string[]) => {
		const prompt = buildCharacterPrompt({
			persona: speaker,
			trigger,
			history: history.slice(-20).map((entry) => ({
				authorName: entry.authorName,
				content: entry.content,
				...(entry.characterId === undefined ? {} : { characterId: entry.characterId }),
			})),
			cast,
			maxReplyChars: settings.maxReplyChars,
			...(userFacts.length === 0 ? {} : { userFacts }),
		});
		const lastUserMessage = prompt.messages.findLast((message) => message.role === 'user')?.content ?? '';
		const text = reply({ model: 'llama3.2:3b', lastUserMessage, messages: prompt.messages });
		const score = scoreReply(buildScoreInput({ reply: text, persona: speaker, cast, settings, history, memberNames: [trigger.authorName] }));
		history.push({
			messageId: String(history.length + 1),
			authorId,
			authorName: trigger.authorName,
			content: trigger.content,
			at: history.length,
			...(trigger.characterId === undefined ? {} : { characterId: trigger.characterId }),
		});
		history.push({
			messageId: String(history.length + 1),
			authorId: `bot-${speaker.id}`,
			authorName: speaker.displayName,
			characterId: speaker.id,
			content: text,
			at: history.length,
		});
		return { text, score };
	};
	for (const [index, line] of memberLines.entries()) {
		const member = index % 2 === 0 ? 'Bob' : 'Dana';
		const other = others[index % others.length] ?? persona;
		const content = line.replaceAll('{name}', firstName(persona)).replaceAll('{other}', firstName(other));
		const fact = extractRememberedFact(content);
		if (fact !== undefined) facts.set(member, [...(facts.get(member) ?? []), fact]);
		const { text, score } = speak(persona, { authorName: member, content }, member, facts.get(member) ?? []);
		turns.push({ character: persona.id, member, message: content, reply: text, verdict: score.verdict, reasons: score.reasons, banter: false });
		if (index % 6 === 5) {
			// Banter: another character's own (simulated) line in the channel, and this character answering it.
			const last = history.at(-1);
			const { text: line } = speak(other, { authorName: persona.displayName, content: last?.content ?? '', characterId: persona.id }, `bot-${persona.id}`, []);
			history.splice(-2, 1);
			const banter = speak(persona, { authorName: other.displayName, content: line, characterId: other.id }, `bot-${other.id}`, []);
			history.splice(-2, 1);
			turns.push({
				character: persona.id,
				member: other.displayName,
				message: line.replace(marker, ''),
				reply: banter.text,
				verdict: banter.score.verdict,
				reasons: banter.score.reasons,
				banter: true,
			});
		}
	}
	return turns;
}

describe('simulated character replies (npm start without Ollama)', () => {
	let cast: Persona[];
	let turns: Turn[];

	beforeAll(async () => {
		const loaded = await loadCharacters(resolveFromRoot('characters'));
		expect(loaded.problems).toEqual([]);
		cast = loaded.characters.map((character) => character.persona);
		turns = cast.flatMap((persona) => converse(persona, cast));
		// The measured figures, for the record: pass rate per character, every failure with its reasons, the transcripts.
		const report = Object.fromEntries(
			cast.map((persona) => {
				const own = turns.filter((turn) => turn.character === persona.id);
				const failed = own.filter((turn) => turn.verdict === 'fail');
				return [
					persona.id,
					{
						replies: own.length,
						passRate: (own.length - failed.length) / own.length,
						failures: failed.map(({ reply: text, reasons }) => ({ reply: text, reasons })),
						transcript: own.map((turn) => `${turn.member}: ${turn.message}\n  → ${bodyOf(turn.reply)}`),
					},
				];
			}),
		);
		mkdirSync(resolveFromRoot('test-artifacts'), { recursive: true });
		writeFileSync(resolveFromRoot('test-artifacts/simulated-replies.json'), `${JSON.stringify(report, null, '\t')}\n`);
	});

	it('passes quality control for at least 95% of replies, for every character, over 40+ member messages and banter', () => {
		expect(cast.length).toBeGreaterThanOrEqual(7);
		for (const persona of cast) {
			const own = turns.filter((turn) => turn.character === persona.id);
			expect(own.filter((turn) => !turn.banter).length).toBeGreaterThanOrEqual(40);
			const failed = own.filter((turn) => turn.verdict === 'fail');
			expect.soft((own.length - failed.length) / own.length, `${persona.id}: ${JSON.stringify(failed, null, 1)}`).toBeGreaterThanOrEqual(0.95);
		}
	});

	it('never repeats an earlier reply, and says "simulated" once, as the final line', () => {
		for (const persona of cast) {
			const bodies = turns.filter((turn) => turn.character === persona.id).map((turn) => bodyOf(turn.reply));
			expect(new Set(bodies).size, persona.id).toBe(bodies.length);
		}
		// Nor does a banter answer lift the line it answers with the names swapped.
		const triples = (text: string) => {
			const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
			return new Set(words.slice(2).map((word, index) => `${words[index]} ${words[index + 1]} ${word}`));
		};
		for (const turn of turns.filter((each) => each.banter)) {
			const own = triples(bodyOf(turn.reply));
			const heard = triples(turn.message);
			const borrowed = [...own].filter((triple) => heard.has(triple)).length / Math.max(1, own.size);
			expect(borrowed, `${turn.message} → ${bodyOf(turn.reply)}`).toBeLessThan(0.5);
		}
		for (const turn of turns) {
			expect(turn.reply.endsWith(marker), turn.reply).toBe(true);
			expect(turn.reply.match(/simulated/giu)).toHaveLength(1);
			expect(bodyOf(turn.reply).trim().length).toBeGreaterThan(10);
		}
	});

	it('answers about what the member said: remembered facts, the other character asked about, the topic, the banter partner', () => {
		for (const persona of cast) {
			const own = turns.filter((turn) => turn.character === persona.id && !turn.banter);
			const answer = (message: string) => own.filter((turn) => turn.message === message).map((turn) => turn.reply);
			const name = firstName(persona);
			// Bob asked for jazz to be remembered, Dana did not: facts belong to the member who told them.
			const recalls = own.filter((turn) => turn.message === `${name}, what do I like?`);
			expect(recalls.map((turn) => turn.member).toSorted()).toEqual(['Bob', 'Dana']);
			for (const turn of recalls) expect(turn.reply, persona.id).toMatch(turn.member === 'Bob' ? /\bjazz\b/iu : /^(?![\s\S]*\bjazz\b)/iu);
			for (const text of answer(`${name}, remember that I like jazz.`)) expect(text, persona.id).toMatch(/\byou like jazz\b/iu);
			for (const text of answer(`${name}, do you remember what I do at night?`)) expect(text, persona.id).toMatch(/\bnights at the hospital\b/iu);
			const topical = [
				['do you like pizza?', 'pizza'],
				['I just got a new puppy!', 'puppy'],
				['tell me about your car', 'car'],
				['My boss yelled at me today.', 'boss'],
				['Have you ever been to Paris?', 'Paris'],
				['I baked a chocolate cake for my sister.', 'sister'],
				['my cat knocked over the christmas tree again', 'tree'],
				['I ran a marathon yesterday', 'marathon'],
				['how do you feel about the beach?', 'beach'],
				['I lost my keys again', 'keys'],
			] as const;
			const onTopic = topical.flatMap(([message, word]) => answer(message).map((text) => new RegExp(String.raw`\b${word}\b`, 'iu').test(text)));
			expect(onTopic.filter(Boolean).length / onTopic.length, persona.id).toBeGreaterThanOrEqual(0.9);
			for (const turn of own.filter((each) => / what do you think of /u.test(each.message))) {
				const asked = / of (\p{L}+)\?$/u.exec(turn.message)?.[1] ?? '';
				expect(turn.reply, persona.id).toContain(asked);
			}
		}
		for (const turn of turns.filter((each) => each.banter)) {
			const partner = turn.member.split(' ')[0] ?? '';
			expect(turn.reply, turn.message).toContain(partner);
		}
	});

	it('gives different lines to the same message later in the conversation', () => {
		for (const persona of cast) {
			const greetings = turns.filter((turn) => turn.character === persona.id && turn.message === `hi ${firstName(persona)}!`).map((turn) => turn.reply);
			expect(greetings.length).toBe(3);
			expect(new Set(greetings).size, persona.id).toBe(3);
		}
	});

	it('answers a regeneration with a new reply to the member, never the rejected one quoted in the review notes', () => {
		for (const persona of cast) {
			for (const content of ['do you like pizza?', `hi ${firstName(persona)}!`, 'I failed my driving test']) {
				const ask = (regeneration?: { escalating: boolean; attempts: { text: string; role: string; reasons: string[] }[] }) => {
					const { messages } = buildCharacterPrompt({
						persona,
						trigger: { authorName: 'Bob', content },
						cast,
						...(regeneration === undefined ? {} : { regeneration }),
					});
					return bodyOf(reply({ model: 'llama3.2:3b', lastUserMessage: messages.findLast((message) => message.role === 'user')?.content ?? '', messages }));
				};
				const rejected = ask();
				const again = ask({ escalating: false, attempts: [{ text: rejected, role: 'chat', reasons: ['Reply repeats an earlier one'] }] });
				expect(again, `${persona.id}: ${content}`).not.toBe(rejected);
				expect(again).not.toMatch(/Review notes|rejected|Attempt 1/u);
			}
		}
	});

	it('judges like a lenient model when review asks: a valid "pass" with plausible ratings, the same every time', () => {
		const format = z.toJSONSchema(judgementSchema, { target: 'draft-7' }) as Record<string, unknown>;
		for (const turn of turns.filter((each) => each.verdict === 'pass').slice(0, 40)) {
			const persona = cast.find((each) => each.id === turn.character) as Persona;
			const messages = buildJudgePrompt({ persona, memberName: 'Bob', message: turn.message, reply: turn.reply });
			const ask = () => reply({ model: 'llama3.2:3b', lastUserMessage: messages.at(-1)?.content ?? '', messages, format });
			const judgement = judgementSchema.parse(JSON.parse(ask()));
			expect(judgement.verdict).toBe('pass');
			expect(Math.min(judgement.inCharacter, judgement.onTopic)).toBeGreaterThanOrEqual(0.7);
			expect(ask()).toBe(ask());
		}
	});

	it("leaves the marker line to quality control's scorers and repair: same findings without it, and kept by a repair", () => {
		const persona = cast.find((each) => each.id === 'peter') as Persona;
		const body = 'Pizza? Easy. The answer is yes. Or no. Definitely one of those.';
		const variants = [
			body,
			`Here's a reply as ${persona.displayName}:\n${body}`,
			`${persona.displayName}: ${body}`,
			`${body} @everyone`,
			`${body}\n(Note: I kept ${firstName(persona)} goofy on purpose.)`,
			'As an AI language model, I cannot have opinions on pizza.',
		];
		for (const variant of variants) {
			const kinds = (text: string) => {
				const input = buildScoreInput({ reply: text, persona, cast, settings, history: [] });
				const score = scoreReply(input);
				const repaired = score.verdict === 'fail' ? repairReply(input, score) : undefined;
				return { verdict: score.verdict, kinds: score.findings.map((finding) => finding.kind), repaired: repaired?.text };
			};
			const plain = kinds(variant);
			const marked = kinds(`${variant}${marker}`);
			expect({ verdict: marked.verdict, kinds: marked.kinds }, variant).toEqual({ verdict: plain.verdict, kinds: plain.kinds });
			expect(marked.repaired === undefined, variant).toBe(plain.repaired === undefined);
			if (marked.repaired !== undefined) expect(marked.repaired.endsWith(marker), marked.repaired).toBe(true);
		}
	});
});
