import { MessageOwners } from '@charbot/stores';
import { buildJobData, deliverJobId, QueueName } from '@charbot/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	deliverJob,
	type MessagePlace,
	type RunningQc,
	type SharedParts,
	settledJob,
	startQc,
	startSharedParts,
	seededPlace,
} from '../quality-control/qcHarness.js';

let parts: SharedParts;
let running: RunningQc;
let place: MessagePlace;

beforeAll(async () => {
	parts = await startSharedParts();
	place = seededPlace(parts, 'kitchen');
	running = await startQc(parts);
});
afterAll(async () => {
	await running?.close();
	await parts?.close();
});

describe('owner records of a reply posted in several parts', () => {
	it('let only the last part start banter, and give it the earlier parts to read the whole reply by', async () => {
		const text = Array.from({ length: 90 }, (_, index) => `Stewie, sentence ${index} of the tale about the boat in the yard.`).join(' ');
		const job = deliverJob(place, text);
		const jobId = deliverJobId(job.jobKey);
		await running.deliverQueue.add('deliver', buildJobData(QueueName.Deliver, job), { jobId });
		const settled = await settledJob(running.deliverQueue, jobId);
		const { messageIds } = settled.returnvalue as { messageIds: string[] };
		expect(messageIds.length).toBeGreaterThanOrEqual(3);
		const owners = new MessageOwners(parts.producer, running.keys);
		const records = await Promise.all(messageIds.map((id) => owners.owner(place.guildId, id)));
		const [last, ...earlier] = [records.at(-1), ...records.slice(0, -1)];
		for (const record of earlier) expect(record).toEqual({ characterId: 'peter', cascadeDepth: 0, replyContinues: true });
		expect(last).toEqual({ characterId: 'peter', cascadeDepth: 0, earlierParts: messageIds.slice(0, -1) });
	});
});
