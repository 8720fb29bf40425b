import type { TranscriptMessage } from '@charbot/discord-emulator';
import { variedLineFor, waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutageNoticeText } from '../../apps/delivery/src/delivery/outageNoticeText.js';
import { BacklogNoteText } from '../../apps/gateway/src/backlog/BacklogNotice.js';
import { type PlatformHarness, startPlatform } from '../pipeline/platformHarness.js';

// Ollama hosts failing under load, with the whole platform running as processes. While one host can still serve,
// members see nothing of it: every question gets its own answer, once. When none can, each channel gets one
// "resting" notice, and every waiting question is answered once the hosts are back.

// Each question carries its own token and the simulator echoes it, so an answer to someone else's question is caught.
const tokenPattern = /tk-[a-z0-9]+/;
const echo = {
	match: tokenPattern,
	reply: ({ lastUserMessage }: { lastUserMessage: string }) => variedLineFor(tokenPattern.exec(lastUserMessage)?.[0] ?? 'tk-none'),
};
const answerTo = (token: string) => variedLineFor(token);
const noticeTexts: readonly string[] = Object.values(OutageNoticeText);

let platform: PlatformHarness;

beforeAll(async () => {
	platform = await startPlatform({ simHosts: 3, sim: { scripts: [echo] }, env: { HEALTH_CHECK_INTERVAL: '2' } });
});
afterAll(async () => {
	await platform?.close();
});

interface Question {
	readonly token: string;
	readonly channelId: string;
}

/** New channels with cooldowns off, and members to ask in them. */
async function setUpChannels(name: string, channelCount: number, memberCount: number) {
	const { control } = platform.emulator;
	const guildId = platform.emulator.seed?.guildId ?? '';
	const channels = Array.from({ length: channelCount }, (_, index) => control.createChannel(guildId, { name: `${name}-${index}` }).id);
	for (const channelId of channels) await platform.updateSettings(channelId, { userCooldownSeconds: 0, channelCooldownSeconds: 0 });
	const members = Array.from({ length: memberCount }, (_, index) => {
		const user = control.createUser({ username: `${name}-member-${index}` });
		control.addMember(guildId, user.id);
		return user.id;
	});
	return { channels, members };
}

function ask(channelId: string, authorId: string, token: string): Question {
	platform.emulator.control.postMessage({ channelId, authorId, content: `Peter, what do you think about ${token}?` });
	return { token, channelId };
}

const botMessages = (channels: readonly string[]): TranscriptMessage[] => channels.flatMap((channelId) => platform.botMessages(channelId));
// The gateway's "swamped" note says the queue is long (load on a small machine), not that a host failed; it is counted apart.
const backlogNotes = (channels: readonly string[]) => botMessages(channels).filter((message) => message.content === BacklogNoteText).length;
const characterReplies = (channels: readonly string[]) => botMessages(channels).filter((message) => message.author.kind === 'webhook');

/** Every question answered exactly once, in its own channel, with its own answer; nothing else from the bot but `extra`. */
function expectAnsweredOnce(questions: readonly Question[], channels: readonly string[], extra: readonly string[] = []): void {
	const messages = botMessages(channels);
	const replies = messages.filter((message) => !extra.includes(message.content) && message.content !== BacklogNoteText);
	expect(replies.filter((message) => message.author.kind !== 'webhook').map((message) => message.content)).toEqual([]);
	expect(replies).toHaveLength(questions.length);
	for (const { token, channelId } of questions) {
		const answering = replies.filter((reply) => reply.content.includes(`${token}?`));
		expect(answering, `answers to ${token}`).toHaveLength(1);
		expect(answering[0]?.channelId).toBe(channelId);
		expect(answering[0]?.content).toBe(answerTo(token));
	}
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Ollama hosts failing under load', () => {
	it('while one host still serves, 150 questions asked as hosts refuse, hang and break mid-stream are each answered once, with no notice', async () => {
		const [first, second, third] = platform.sims;
		if (!first || !second || !third) throw new Error('three simulated hosts expected');
		const { channels, members } = await setUpChannels('faults', 5, 30);
		const phases = [
			{ name: 'one host refuses connections', apply: () => first.setBehavior({ fault: 'refuse' }) },
			{ name: 'another hangs', apply: async () => Promise.all([first.setBehavior({ fault: 'none' }), second.setBehavior({ fault: 'hang' })]) },
			{ name: 'another breaks mid-stream', apply: async () => Promise.all([second.setBehavior({ fault: 'none' }), third.setBehavior({ fault: 'midstream' })]) },
			{
				name: 'two at once: one refuses, one breaks mid-stream',
				apply: async () => Promise.all([first.setBehavior({ fault: 'refuse' }), third.setBehavior({ fault: 'midstream' })]),
			},
			{ name: 'all healthy again', apply: async () => Promise.all(platform.sims.map((sim) => sim.setBehavior({ fault: 'none' }))) },
		];
		const questions: Question[] = [];
		const perPhase = 30;
		for (const [phaseIndex, phase] of phases.entries()) {
			await phase.apply();
			for (let index = 0; index < perPhase; index += 1) {
				const number = phaseIndex * perPhase + index;
				questions.push(ask(channels[number % channels.length] as string, members[number % members.length] as string, `tk-f${number}x`));
				await pause(100);
			}
		}
		const sentAt = Date.now();
		await waitFor(() => characterReplies(channels).length >= questions.length, `${questions.length} answers`, 150_000);
		process.stdout.write(`all ${questions.length} answered ${Date.now() - sentAt} ms after the last question; backlog notes: ${backlogNotes(channels)}\n`);
		// Late duplicates would arrive after the last answer.
		await pause(3000);
		expectAnsweredOnce(questions, channels);
		expect(botMessages(channels).filter((message) => noticeTexts.includes(message.content))).toEqual([]);
		// The faults really met requests: the router saw the refusing host fail, the others served hangs and broken streams.
		const routerOutput = platform.apps.get('message-router')?.output.join('') ?? '';
		expect(routerOutput).toContain(`failed on ${first.url}`);
		// A host could always serve: no job was held back as in an outage, and none failed for good.
		expect(routerOutput).not.toContain('none can serve');
		expect(routerOutput).not.toContain('failed for good');
		expect(second.stats().faults.hang ?? 0).toBeGreaterThan(0);
		expect(third.stats().faults.midstream ?? 0).toBeGreaterThan(0);
	}, 220_000);

	it('when every host is down, each channel gets one resting notice and no answer; once they return, every waiting question is answered once', async () => {
		const { channels, members } = await setUpChannels('outage', 3, 12);
		const router = platform.apps.get('message-router');
		if (!router) throw new Error('the message router is not running');
		await Promise.all(platform.sims.map((sim) => sim.setBehavior({ fault: 'refuse' })));
		await waitFor(async () => (await fetch(`${router.healthUrl}/readyz`)).status !== 200, 'the router to see every host down', 30_000);

		const questions: Question[] = [];
		for (let index = 0; index < 24; index += 1) {
			questions.push(ask(channels[index % channels.length] as string, members[index % members.length] as string, `tk-o${index}x`));
			await pause(100);
		}
		const resting = OutageNoticeText['llm-resting'];
		const noticesIn = (channelId: string) => platform.botMessages(channelId).filter((message) => message.content === resting);
		await waitFor(() => channels.every((channelId) => noticesIn(channelId).length >= 1), 'a resting notice in every channel', 30_000);
		// The questions keep waiting (and retrying) a while longer: still one notice per channel, still no answer.
		await pause(8000);
		for (const channelId of channels) {
			const messages = platform.botMessages(channelId);
			expect(messages.map((message) => message.content)).toEqual([resting]);
			expect(messages[0]?.author.kind).toBe('bot');
			expect(messages[0]?.mentionsPinged).toEqual({ everyone: false, users: [], roles: [] });
		}

		await Promise.all(platform.sims.map((sim) => sim.setBehavior({ fault: 'none' })));
		const returnedAt = Date.now();
		await waitFor(() => characterReplies(channels).length >= questions.length, `${questions.length} answers after the hosts returned`, 90_000);
		const recoveryMs = Date.now() - returnedAt;
		await pause(3000);
		expectAnsweredOnce(questions, channels, [resting]);
		for (const channelId of channels) expect(noticesIn(channelId), `notices in ${channelId}`).toHaveLength(1);
		expect(botMessages(channels).filter((message) => message.content === OutageNoticeText['llm-gave-up'])).toEqual([]);
		process.stdout.write(`every waiting question answered ${recoveryMs} ms after the hosts returned\n`);
	}, 200_000);
});
