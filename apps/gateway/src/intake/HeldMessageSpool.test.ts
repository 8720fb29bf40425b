import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@charbot/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HeldMessageSpool, type SpooledMessage } from './HeldMessageSpool.js';

const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });
const fileName = 'held-messages-test-all.jsonl';
let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'spool-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function message(id: string, channelId = 'c1', progress: SpooledMessage['progress'] = {}): SpooledMessage {
	return {
		received: {
			id,
			channelId,
			guildId: 'g1',
			authorId: 'u1',
			username: 'member',
			displayName: 'Member',
			authorIsBot: false,
			webhookId: null,
			content: `Peter, message ${id}`,
			createdAt: 1_700_000_000_000,
			images: id === '3' ? [{ url: 'https://cdn.discordapp.com/attachments/1/2/cat.png', name: 'cat.png', size: 1200, source: 'attachment' }] : [],
			botMentioned: false,
			isChat: true,
		},
		heldSince: 1_700_000_000_500,
		progress,
	};
}

const flushed = () => new Promise((resolve) => setImmediate(resolve));

describe('HeldMessageSpool', () => {
	it('gives a restarted process the messages still held, in the order they were held, with their latest progress', async () => {
		const { spool, restored } = HeldMessageSpool.open({ dir, fileName, logger });
		expect(restored).toEqual([]);
		spool.hold(message('1'));
		spool.hold(message('2', 'c2'));
		spool.hold(message('3'));
		spool.hold(message('1', 'c1', { userCooldownTaken: true, budgetReserved: true }));
		spool.release('2');
		await flushed();
		// No close: a SIGKILL leaves the file as it is.
		const again = HeldMessageSpool.open({ dir, fileName, logger });
		expect(again.restored.map((each) => [each.received.id, each.progress])).toEqual([
			['1', { userCooldownTaken: true, budgetReserved: true }],
			['3', {}],
		]);
		expect(again.restored.map((each) => each.received.images.map((image) => image.name))).toEqual([[], ['cat.png']]);
		expect(readFileSync(again.spool.path, 'utf8').trim().split('\n'), 'compacted on open').toHaveLength(2);
	});

	it('removes the file once nothing is held, and skips a line a crash cut short', async () => {
		const { spool } = HeldMessageSpool.open({ dir, fileName, logger });
		spool.hold(message('1'));
		await flushed();
		appendFileSync(spool.path, '{"kind":"held","message":{"recei');
		const reopened = HeldMessageSpool.open({ dir, fileName, logger });
		expect(reopened.restored.map((each) => each.received.id)).toEqual(['1']);
		reopened.spool.release('1');
		expect(existsSync(reopened.spool.path)).toBe(false);
	});

	it('rewrites the file with only the live messages once dead lines pile up', async () => {
		const { spool } = HeldMessageSpool.open({ dir, fileName, logger, compactAfterLines: 10 });
		spool.hold(message('keep'));
		for (let index = 0; index < 8; index += 1) {
			spool.hold(message(`m${index}`));
			spool.release(`m${index}`);
		}
		await flushed();
		const lines = readFileSync(spool.path, 'utf8').trim().split('\n');
		expect(lines.length).toBeLessThan(10);
		expect(HeldMessageSpool.open({ dir, fileName, logger }).restored.map((each) => each.received.id)).toEqual(['keep']);
	});

	it('refuses a file name that could leave its folder', () => {
		expect(() => HeldMessageSpool.open({ dir, fileName: '../escape', logger })).toThrow(/spool file name/);
	});
});
