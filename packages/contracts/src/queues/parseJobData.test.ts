import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { buildJobData, parseJobData } from './parseJobData.js';
import { QueueName } from './queueNames.js';

const validRoute = {
	jobKey: 'msg-123456789012345678-peter',
	message: {
		id: '123456789012345678',
		channelId: '223456789012345678',
		guildId: null,
		author: { id: '323456789012345678', username: 'meg', displayName: 'Meg', isBot: false },
		content: 'Peter, what is up?',
		createdAt: 1_700_000_000_000,
	},
	characterId: 'peter',
	trigger: 'name',
	cascadeDepth: 0,
} as const;

describe('parseJobData', () => {
	it('returns a valid payload', () => {
		expect(parseJobData(QueueName.Route, validRoute).characterId).toBe('peter');
	});

	it('throws UnrecoverableError naming each bad field', () => {
		const bad = { ...validRoute, characterId: 'Peter Griffin', message: { ...validRoute.message, channelId: 'general' } };
		let thrown: unknown;
		try {
			parseJobData(QueueName.Route, bad);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(UnrecoverableError);
		expect(String((thrown as Error).message)).toMatch(/message\.channelId: must be a Discord snowflake/);
		expect(String((thrown as Error).message)).toMatch(/characterId: must be a lowercase slug/);
	});

	it('fails data that could not be read as JSON for good, naming `data`', () => {
		const unreadable = { __unreadableJobData: "Expected property name or '}' in JSON at position 33" };
		expect(() => parseJobData(QueueName.Review, unreadable)).toThrow(UnrecoverableError);
		expect(() => parseJobData(QueueName.Review, unreadable)).toThrow(/^Invalid review job: data: not valid JSON \(Expected property name/);
	});

	it('refuses to build an invalid payload for the producer', () => {
		expect(() => buildJobData(QueueName.Route, { ...validRoute, cascadeDepth: -1, failedAttempts: [] })).toThrow(/cascadeDepth/);
	});

	it('tells a notice from a reply on the deliver queue, and names the bad fields of a notice', () => {
		const notice = {
			kind: 'notice',
			noticeKey: 'notice-llm-resting-223456789012345678-1',
			notice: 'llm-resting',
			guildId: null,
			channelId: '223456789012345678',
		};
		expect(parseJobData(QueueName.Deliver, notice)).toEqual(notice);
		const reply = parseJobData(QueueName.Deliver, { ...validRoute, text: 'Hehehe.', score: 0.9, model: 'm' });
		expect(reply.kind === 'notice' ? undefined : reply.text).toBe('Hehehe.');
		expect(() => parseJobData(QueueName.Deliver, { ...notice, notice: 'hello', channelId: 'general' })).toThrow(
			/notice: .*; channelId: must be a Discord snowflake/,
		);
		expect(() => parseJobData(QueueName.Deliver, { ...validRoute, score: 0.9, model: 'm' })).toThrow(/text:/);
	});
});
