import { type DeliverJob, messageJobId, parseJobData, QueueName } from '@charbot/contracts';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	deliverJob,
	type MessagePlace,
	type RunningQc,
	settledJob,
	type SharedParts,
	snowflake,
	startQc,
	startSharedParts,
	seededPlace,
} from '../quality-control/qcHarness.js';

let parts: SharedParts;
let running: RunningQc;
let place: MessagePlace;

beforeAll(async () => {
	parts = await startSharedParts();
	place = seededPlace(parts, 'bot-lab');
	running = await startQc(parts);
});

afterAll(async () => {
	await running?.close();
	await parts?.close();
});

/** Delivers a character's reply, as quality control hands it over; returns the ids of its posted parts. */
async function speak(characterId: string, text: string, changes: Partial<DeliverJob> = {}): Promise<string[]> {
	const job = { ...deliverJob(place, text, characterId), ...changes };
	await running.deliverQueue.add('deliver', job, { jobId: job.jobKey });
	const settled = await settledJob(running.deliverQueue, job.jobKey);
	expect(settled.failedReason).toBeUndefined();
	return (settled.returnvalue as { messageIds: string[] }).messageIds;
}

/** The route jobs answering a message (any character). */
async function routeJobsFor(messageId: string): Promise<Job[]> {
	const jobs = await running.routeQueue.getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed']);
	return jobs.filter((job) => (job.data as { message?: { id?: string } }).message?.id === messageId);
}

const routeOf = (job: Job | undefined) => (job === undefined ? undefined : parseJobData(QueueName.Route, job.data));

describe('banter started by delivery, from what it has just posted', () => {
	it('lets the character another one names answer, one level deeper, right after the post', async () => {
		const [id] = await speak('stewie', 'Brian, fetch my ray gun. Now.');
		const [job] = await routeJobsFor(id ?? '');
		expect(job?.id).toBe(messageJobId(id ?? '', 'brian'));
		expect(routeOf(job)).toMatchObject({
			characterId: 'brian',
			trigger: 'banter',
			cascadeDepth: 1,
			turnOf: id,
			message: {
				id,
				channelId: place.channelId,
				guildId: place.guildId,
				author: { displayName: 'Stewie Griffin', isBot: true, characterId: 'stewie' },
				content: 'Brian, fetch my ray gun. Now.',
			},
		});
		// The author is the webhook the channel shows the post under, as the gateway saw it.
		const posted = parts.emulator.control.transcript(place.channelId).find((message) => message.id === id);
		expect(routeOf(job)?.message.author.id).toBe(posted?.webhookId);
	});

	it('keeps going below the banter limit and stops at it', async () => {
		const [below] = await speak('brian', 'Peter, please tell him no.', { cascadeDepth: 2 });
		expect((await routeJobsFor(below ?? '')).map((job) => [routeOf(job)?.characterId, routeOf(job)?.trigger, routeOf(job)?.cascadeDepth])).toEqual([
			['peter', 'banter', 3],
		]);
		const [atLimit] = await speak('peter', 'Lois! Stewie! Brian! Everybody!', { cascadeDepth: 3 });
		expect(await routeJobsFor(atLimit ?? '')).toEqual([]);
		expect(parts.logs.some((line) => line.reason === 'banter-limit' && line.msg === 'no banter from this reply')).toBe(true);
	});

	it('starts no banter from a reply while another addressed character still has to answer the same message', async () => {
		const job = deliverJob(place, 'Brian, you first. No, wait, me first.', 'stewie');
		const [id] = await speak('stewie', job.text, { ...job, followers: [{ characterId: 'peter', trigger: 'name' }] });
		expect(await routeJobsFor(id ?? '')).toEqual([]);
		// The turn goes on to the next addressed character instead.
		expect((await routeJobsFor(job.message.id)).map((next) => routeOf(next)?.characterId)).toEqual(['peter']);
	});

	it('starts one chain for a reply posted in several parts, answering the whole reply under its first part', async () => {
		const first = `Brian, I have a list of grievances, and you are on every page of it. ${'Item: the milk. '.repeat(120)}`;
		const text = `${first.trim()}\n\nThat concludes the list. For now.`;
		const ids = await speak('stewie', text);
		expect(ids.length).toBeGreaterThan(1);
		for (const id of ids.slice(1)) expect(await routeJobsFor(id)).toEqual([]);
		const [job] = await routeJobsFor(ids[0] ?? '');
		expect(job?.id).toBe(messageJobId(ids[0] ?? '', 'brian'));
		expect(routeOf(job)).toMatchObject({ characterId: 'brian', trigger: 'banter', cascadeDepth: 1, message: { id: ids[0], content: text } });
	});

	it("ends a chain once a member has spoken since its first message, and carries the chain's origin on", async () => {
		const memberMessageId = snowflake();
		await parts.producer.set(running.keys.channelTurn(place.guildId, place.channelId), memberMessageId);
		const [current] = await speak('stewie', 'Brian, the member asked us something.', { turnOf: memberMessageId });
		expect((await routeJobsFor(current ?? '')).map((job) => [routeOf(job)?.characterId, routeOf(job)?.turnOf])).toEqual([['brian', memberMessageId]]);
		await parts.producer.set(running.keys.channelTurn(place.guildId, place.channelId), snowflake());
		const [stale] = await speak('brian', 'Stewie, as I was saying.', { cascadeDepth: 1, turnOf: memberMessageId });
		expect(await routeJobsFor(stale ?? '')).toEqual([]);
	});

	it('starts no banter from a direct message', async () => {
		const dm = parts.emulator.control.createDmChannel(place.authorId);
		const job = deliverJob({ guildId: null, channelId: dm.id, authorId: place.authorId }, 'Brian, come here.', 'stewie');
		const [id] = await speak('stewie', job.text, job);
		expect(id).toBeDefined();
		expect(await routeJobsFor(id ?? '')).toEqual([]);
	});
});
