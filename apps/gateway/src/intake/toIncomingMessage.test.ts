import { buildJobData, MaxJobContentLength, QueueName } from '@charbot/contracts';
import { codePointLength } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import type { ReceivedMessage } from './ReceivedMessage.js';
import { toIncomingMessage } from './toIncomingMessage.js';

const received: ReceivedMessage = {
	id: '123456789012345678',
	channelId: '223456789012345678',
	guildId: '323456789012345678',
	authorId: '423456789012345678',
	username: 'meg',
	displayName: 'Meg',
	authorIsBot: false,
	webhookId: null,
	content: 'Peter?',
	createdAt: 1_700_000_000_000,
	replyToMessageId: undefined,
	botMentioned: false,
	isChat: true,
	images: [],
};

const routeJobWith = (message: ReturnType<typeof toIncomingMessage>) =>
	buildJobData(QueueName.Route, {
		jobKey: 'msg-123456789012345678-peter',
		message,
		characterId: 'peter',
		trigger: 'name',
		cascadeDepth: 0,
		failedAttempts: [],
	});

describe('toIncomingMessage', () => {
	it('keeps a hostile message valid for the route job schema', () => {
		const hostile = {
			...received,
			content: `\u202e\u200b${'<@123456789012345678> '.repeat(2000)}😀`.padEnd(MaxJobContentLength + 500, '😀'),
			username: ' '.repeat(3),
			displayName: '\u200b'.repeat(300),
			replyToMessageId: 'not-a-snowflake',
		};
		const message = toIncomingMessage(hostile);
		expect(codePointLength(message.content)).toBe(MaxJobContentLength);
		expect(message.author).toMatchObject({ username: 'unknown' });
		expect(message.author.displayName.length).toBe(100);
		expect(message).not.toHaveProperty('replyToMessageId');
		expect(() => routeJobWith(message)).not.toThrow();
	});

	it('marks the author of a character post with its character id, and only then', () => {
		expect(toIncomingMessage({ ...received, authorIsBot: true }, 'stewie').author).toEqual({
			id: received.authorId,
			username: 'meg',
			displayName: 'Meg',
			isBot: true,
			characterId: 'stewie',
		});
		expect(toIncomingMessage(received).author).not.toHaveProperty('characterId');
	});

	it('carries the replied-to message id', () => {
		expect(toIncomingMessage({ ...received, replyToMessageId: '523456789012345678' }).replyToMessageId).toBe('523456789012345678');
	});
});
