import { describe, expect, it } from 'vitest';
import { assertValidJobId, deliverJobId, messageJobId, noticeJobId, regenerateJobId, regenerateReplyJobId, reviewJobId } from './jobIds.js';

describe('job ids', () => {
	it('builds message job ids BullMQ accepts', () => {
		expect(messageJobId('123456789012345678')).toBe('msg-123456789012345678');
		expect(messageJobId('123456789012345678', 'peter')).toBe('msg-123456789012345678-peter');
		expect(reviewJobId('msg-123456789012345678', 2)).toBe('msg-123456789012345678-review-2');
		expect(deliverJobId('msg-123456789012345678')).toBe('msg-123456789012345678-deliver');
		expect(regenerateJobId('msg-123456789012345678-peter', 2)).toBe('msg-123456789012345678-peter-retry-2');
		expect(regenerateReplyJobId('123456789012345678', 'peter', '323456789012345678')).toBe('msg-123456789012345678-peter-regen-323456789012345678');
		expect(noticeJobId('llm-resting', '223456789012345678', 1_700_000_000_000)).toBe('notice-llm-resting-223456789012345678-1700000000000');
	});

	it('refuses ids BullMQ would reject or that are not snowflakes', () => {
		expect(() => assertValidJobId('12345')).toThrow(/all digits/);
		expect(() => assertValidJobId('msg:1')).toThrow(/must not contain ":"/);
		expect(() => messageJobId('12:34')).toThrow();
		expect(() => messageJobId('42')).toThrow(/snowflake/);
		expect(() => regenerateReplyJobId('123456789012345678', 'peter', 'click-1')).toThrow(/snowflake/);
	});
});
