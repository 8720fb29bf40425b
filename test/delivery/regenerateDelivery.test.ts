import { ChannelHistory, MessageOwners, RegenerableReplies, RegenerateButtonId, SettingsStore } from '@charbot/stores';
import { buildJobData, type DeliverJob, deliverJobId, QueueName } from '@charbot/contracts';
import type { TranscriptMessage } from '@charbot/discord-emulator';
import { Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	deliverJob,
	type MessagePlace,
	type RunningQc,
	type SharedParts,
	settledJob,
	snowflake,
	startQc,
	startSharedParts,
	seededPlace,
} from '../quality-control/qcHarness.js';

let parts: SharedParts;
let running: RunningQc;
let guild: MessagePlace;
let dm: MessagePlace;
let replies: RegenerableReplies;
let history: ChannelHistory;

beforeAll(async () => {
	parts = await startSharedParts();
	guild = seededPlace(parts, 'bot-lab');
	dm = seededPlace(parts, 'dm');
	running = await startQc(parts);
	replies = new RegenerableReplies(parts.producer, running.keys);
	history = new ChannelHistory(parts.producer, running.keys);
});
afterAll(async () => {
	await running?.close();
	await parts?.close();
});

const quick = { attempts: 3, backoff: { type: 'fixed', delay: 50 } } as const;

/** Delivers a job and returns its result and the channel's messages by id, as a member would see them. */
async function deliver(job: DeliverJob, jobId = `${deliverJobId(job.jobKey)}-${snowflake()}`) {
	await running.deliverQueue.add('deliver', buildJobData(QueueName.Deliver, job), { ...quick, jobId });
	const settled = await settledJob(running.deliverQueue, jobId);
	expect(await settled.getState(), String(settled.failedReason)).toBe('completed');
	const result = settled.returnvalue as { messageIds: string[]; posted: number; skipped: number };
	return { result, message: (id: string) => shown(job.message.channelId, id) };
}

function shown(channelId: string, id: string): TranscriptMessage | undefined {
	return parts.emulator.control.transcript(channelId).find((message) => message.id === id);
}

/** The custom ids of a message's buttons. */
const buttonsOf = (message: TranscriptMessage | undefined) =>
	(message?.components ?? []).flatMap((row) => ((row.components as Record<string, unknown>[] | undefined) ?? []).map((button) => button.custom_id));

/** A regeneration of `original` with new text, as the pipeline hands it to delivery after review. */
function regeneration(original: DeliverJob, messageIds: string[], text: string): DeliverJob {
	return {
		...original,
		jobKey: `${original.jobKey}-regen-${snowflake()}`,
		trigger: 'regenerate',
		failedAttempts: [{ text: original.text, model: 'llama3.2:1b', host: 'posted', role: 'chat', reasons: ['the member asked for a different answer'] }],
		replaces: { messageIds },
		text,
	};
}

const sentences = (count: number, word: string) =>
	Array.from({ length: count }, (_, index) => `${word} sentence ${index} about the boat in the yard.`).join(' ');

describe('the regenerate button on delivered replies', () => {
	it('sits once, on the last part of a webhook reply, which is recorded for regeneration', async () => {
		const job = deliverJob(guild, sentences(60, 'Long'));
		const { result, message } = await deliver(job);
		expect(result.messageIds.length).toBeGreaterThanOrEqual(2);
		const last = result.messageIds.at(-1) as string;
		for (const id of result.messageIds) expect(buttonsOf(message(id)), id).toEqual(id === last ? [RegenerateButtonId] : []);
		expect(message(last)?.components).toMatchObject([
			{ type: 1, components: [{ type: 2, style: 2, custom_id: RegenerateButtonId, emoji: { name: '🔄' }, label: 'Regenerate' }] },
		]);
		expect(await replies.get(guild.guildId ?? '', last)).toMatchObject({
			jobKey: job.jobKey,
			message: job.message,
			characterId: 'peter',
			trigger: 'name',
			text: job.text,
			model: 'llama3.2:1b',
			messageIds: result.messageIds,
		});
	});

	it('is left off DM replies, greetings, and channels whose regenerate setting is off', async () => {
		const inDm = await deliver(deliverJob(dm, 'A DM reply, no button.'));
		expect(inDm.message(inDm.result.messageIds[0] ?? '')?.components).toEqual([]);
		const greeting = await deliver({ ...deliverJob(guild, 'Hey everybody, Peter here!'), trigger: 'greeting' });
		expect(greeting.message(greeting.result.messageIds[0] ?? '')?.components).toEqual([]);
		expect(await replies.get(guild.guildId ?? '', greeting.result.messageIds[0] ?? '')).toBeUndefined();

		const settings = new SettingsStore(parts.producer, running.keys);
		await settings.update(guild.guildId, { regenerate: false }, guild.channelId);
		try {
			const off = await deliver(deliverJob(guild, 'No button in here.'));
			expect(off.message(off.result.messageIds[0] ?? '')?.components).toEqual([]);
			expect(await replies.get(guild.guildId ?? '', off.result.messageIds[0] ?? '')).toBeUndefined();
		} finally {
			await settings.reset(guild.guildId, guild.channelId);
		}
	});
});

describe('delivering a regeneration', () => {
	it('edits the reply in place, replaces its history entry and record, and does it once however often it runs', async () => {
		const original = deliverJob(guild, 'Heh heh, the boat is made of cheese.');
		const first = await deliver(original);
		const [id] = first.result.messageIds as [string];
		const regen = regeneration(original, [id], 'Okay okay, the boat is made of wood. Mostly.');
		await replies.beginRegenerating(guild.guildId ?? '', id, regen.jobKey);
		const before = parts.emulator.control.transcript(guild.channelId).length;

		const { result, message } = await deliver(regen);
		expect(result).toEqual({ messageIds: [id], posted: 1, skipped: 0 });
		expect(message(id)).toMatchObject({ content: regen.text, author: { displayName: 'Peter Griffin', kind: 'webhook' } });
		expect(message(id)?.editedTimestamp).not.toBeNull();
		expect(buttonsOf(message(id))).toEqual([RegenerateButtonId]);
		expect(parts.emulator.control.transcript(guild.channelId)).toHaveLength(before);

		const entries = (await history.recent(guild.guildId, guild.channelId)).filter((entry) => entry.answers === original.message.id);
		expect(entries.map((entry) => [entry.messageId, entry.content])).toEqual([[id, regen.text]]);
		expect(await replies.get(guild.guildId ?? '', id)).toMatchObject({ text: regen.text, trigger: 'name', messageIds: [id], jobKey: regen.jobKey });
		// The click's hold ends with the delivery, so the member can ask again.
		expect(await replies.regeneratingJob(guild.guildId ?? '', id)).toBeUndefined();

		// The same regeneration delivered again (a retry after a lost lock) changes nothing.
		const again = await deliver(regen);
		expect(again.result).toEqual({ messageIds: [id], posted: 0, skipped: 1 });
		expect((await history.recent(guild.guildId, guild.channelId)).filter((entry) => entry.answers === original.message.id)).toHaveLength(1);
	});

	it('posts extra parts after a longer new text, moving the button, and they start no banter', async () => {
		const original = deliverJob(guild, 'Short first take.');
		const first = await deliver(original);
		const [id] = first.result.messageIds as [string];
		const regen = regeneration(original, [id], `Stewie! ${sentences(60, 'Longer')}`);
		const { result, message } = await deliver(regen);
		expect(result.messageIds[0]).toBe(id);
		expect(result.messageIds.length).toBeGreaterThanOrEqual(2);
		const last = result.messageIds.at(-1) as string;
		expect(buttonsOf(message(id))).toEqual([]);
		expect(buttonsOf(message(last))).toEqual([RegenerateButtonId]);
		expect(result.messageIds.map((each) => message(each)?.content).join(' ')).toBe(regen.text);
		expect(await replies.get(guild.guildId ?? '', id)).toBeUndefined();
		expect((await replies.get(guild.guildId ?? '', last))?.messageIds).toEqual(result.messageIds);
		const owners = new MessageOwners(parts.producer, running.keys);
		expect(await owners.owner(guild.guildId, id)).toEqual({ characterId: 'peter', cascadeDepth: 0 });
		expect(await owners.owner(guild.guildId, last)).toEqual({ characterId: 'peter', cascadeDepth: 0, turnContinues: true });
	});

	it('deletes old parts a shorter new text no longer needs', async () => {
		const original = deliverJob(guild, sentences(60, 'Rambling'));
		const first = await deliver(original);
		const old = first.result.messageIds;
		expect(old.length).toBeGreaterThanOrEqual(2);
		const { result, message } = await deliver(regeneration(original, old, 'Short and sweet.'));
		expect(result.messageIds).toEqual([old[0]]);
		expect(message(old[0] ?? '')).toMatchObject({ content: 'Short and sweet.' });
		expect(buttonsOf(message(old[0] ?? ''))).toEqual([RegenerateButtonId]);
		for (const gone of old.slice(1)) expect(message(gone), gone).toBeUndefined();
		expect((await replies.get(guild.guildId ?? '', old[0] ?? ''))?.messageIds).toEqual([old[0]]);
	});

	it('gives up quietly when the reply was deleted meanwhile, forgetting it', async () => {
		const original = deliverJob(guild, 'Soon to be deleted.');
		const first = await deliver(original);
		const [id] = first.result.messageIds as [string];
		await parts.rest.delete(Routes.channelMessage(guild.channelId, id));
		const regen = regeneration(original, [id], 'Nobody will see this.');
		const { result } = await deliver(regen);
		expect(result).toEqual({ messageIds: [], posted: 0, skipped: 1 });
		expect(parts.emulator.control.transcript(guild.channelId).some((message) => message.content === regen.text)).toBe(false);
		expect(await replies.get(guild.guildId ?? '', id)).toBeUndefined();
		expect(parts.logs.some((line) => line.msg === 'the reply to regenerate is gone; nothing edited' && line.messageId === id)).toBe(true);
	});
});
