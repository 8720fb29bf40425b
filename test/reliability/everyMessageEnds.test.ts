import { findCalledCharacters, loadCharacters } from '@charbot/characters';
import { resolveFromRoot } from '@charbot/core';
import type { TranscriptMessage } from '@charbot/discord-emulator';
import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, startPlatform } from '../pipeline/platformHarness.js';
import { createHostileSimScripts, type PromptAudit } from './hostile/createHostileSimScripts.js';
import { generateHostileMessages } from './hostile/generateHostileMessages.js';

// Hostile messages that call characters, one at a time per channel so each outcome can be told apart: every character a
// message calls must end in exactly one visible outcome, its reply or a notice replying to the message, never silence and
// never two. A tenth carry a marker whose every answer fails review (the notice path); the broadcast and sneaky pings
// are repaired. Banter is off, so the only posts are the answers themselves.
const messagesPerChannel = 24;
const channelCount = 8;
const seed = 20_261_205;
const markers = { sneakyPing: 'hx-sneaky-ping', broadcastPing: 'hx-broadcast-ping' };
const alwaysRejected = 'hx-always-rejected';
const quietMs = 1500;

let platform: PlatformHarness;
const audit: PromptAudit = { prompts: 0, rawTemplateTokens: [], secretLike: [] };

beforeAll(async () => {
	// Three members send 64 messages each: the generation budgets are lifted so every message reaches the pipeline.
	platform = await startPlatform({
		sim: { numParallel: 16, promptTokensPerSecond: 200_000, tokensPerSecond: 4000 },
		env: { MEMBER_GENERATION_BUDGET: '0', GUILD_GENERATION_BUDGET: '0' },
	});
});
afterAll(async () => {
	await platform?.close();
});

/** What a member sees for one character: its reply (through the webhook, in its name) or the notice replying to the message. */
interface Outcome {
	readonly kind: 'reply' | 'notice';
	readonly name: string;
}

function outcomeOf(message: TranscriptMessage, asked: TranscriptMessage, names: ReadonlyMap<string, string>): Outcome | undefined {
	if (message.replyTo === asked.id && message.webhookId === null) {
		const name = [...names.values()].find((each) => message.content.includes(each));
		return { kind: 'notice', name: name ?? '?' };
	}
	return message.webhookId === null ? undefined : { kind: 'reply', name: message.author.displayName };
}

describe('every message that calls a character ends visibly', () => {
	it('in exactly one reply or notice per character called, hostile or not', async () => {
		const seedWorld = platform.emulator.seed;
		if (!seedWorld) throw new Error('the emulator has no seeded world');
		const { control } = platform.emulator;
		const characters = (await loadCharacters(resolveFromRoot('characters'))).characters.map((loaded) => loaded.persona);
		const names = new Map(characters.map((character) => [character.id, character.displayName]));
		const members = ['alice', 'bob', 'carol'].map((name) => seedWorld.users[name] ?? '');
		const channels: string[] = [];
		for (let index = 0; index < channelCount; index += 1) {
			const channelId = control.createChannel(seedWorld.guildId, { name: `ends-${index}` }).id;
			await platform.updateSettings(channelId, { userCooldownSeconds: 0, channelCooldownSeconds: 0, banterLimit: 0 });
			channels.push(channelId);
		}
		for (const sim of platform.sims) {
			for (const script of createHostileSimScripts({
				botToken: platform.emulator.token,
				bystanderId: seedWorld.users.erin ?? '',
				roleIds: [seedWorld.roles.moderators],
				markers,
				alwaysRejected,
				audit,
			}))
				sim.addScript(script);
		}
		const characterNames = characters.flatMap((character) => [character.displayName, ...character.aliases]);
		const hostile = generateHostileMessages(messagesPerChannel * channelCount * 2, seed, {
			characterNames,
			botUserId: platform.emulator.botUser.id,
			guildId: seedWorld.guildId,
			memberIds: members,
			roleIds: [seedWorld.roles.moderators],
			markers,
		})
			.filter((message) => message.addressed && message.content.length <= 1900)
			.map((message, index) => ({ ...message, content: index % 10 === 3 ? `${message.content} ${alwaysRejected}` : message.content }));

		const problems: string[] = [];
		const tally = { messages: 0, replies: 0, notices: 0 };
		await Promise.all(
			channels.map(async (channelId, channelIndex) => {
				for (let turn = 0; turn < messagesPerChannel; turn += 1) {
					const message = hostile[channelIndex * messagesPerChannel + turn];
					if (message === undefined) break;
					const seen = control.transcript(channelId).length;
					const asked = control.postMessage({ channelId, authorId: members[turn % members.length] as string, content: message.content });
					const called = findCalledCharacters(message.content, characters).slice(0, 3);
					const expected = called.length === 0 ? 1 : called.length;
					const outcomes = () =>
						control
							.transcript(channelId)
							.slice(seen)
							.flatMap((posted) => outcomeOf(posted, asked, names) ?? []);
					try {
						await waitFor(() => outcomes().length >= expected, `${expected} outcome(s) for a ${message.kind} message`, 30_000);
					} catch {
						problems.push(`${message.kind}: ${outcomes().length} of ${expected} outcomes for ${JSON.stringify(message.content.slice(0, 80))}`);
						continue;
					}
					await new Promise((resolve) => setTimeout(resolve, quietMs));
					const ended = outcomes();
					const who = ended.map((outcome) => outcome.name);
					if (ended.length !== expected || new Set(who).size !== who.length)
						problems.push(`${message.kind}: ${ended.length} outcomes (${who.join(', ')}) where ${expected} were due`);
					tally.messages += 1;
					tally.replies += ended.filter((outcome) => outcome.kind === 'reply').length;
					tally.notices += ended.filter((outcome) => outcome.kind === 'notice').length;
				}
			}),
		);
		process.stdout.write(`every message ends: ${tally.messages} messages, ${tally.replies} replies, ${tally.notices} notices, ${problems.length} problems\n`);
		expect(problems).toEqual([]);
		expect(tally.messages).toBe(messagesPerChannel * channelCount);
		// Both paths were taken: replies (some repaired) and notices for the answers no review could pass.
		expect(tally.notices).toBeGreaterThan(0);
		expect(tally.replies).toBeGreaterThan(tally.notices);
		expect(audit.secretLike).toEqual([]);
	}, 400_000);
});
