import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes.js';

describe('formatBytes', () => {
	it('shows sizes the way notes and notices do', () => {
		expect(formatBytes(0)).toBe('0 B');
		expect(formatBytes(1023)).toBe('1023 B');
		expect(formatBytes(1024)).toBe('1 KiB');
		expect(formatBytes(1536)).toBe('1.5 KiB');
		expect(formatBytes(120 * 1024)).toBe('120 KiB');
		expect(formatBytes(120 * 1024 + 300)).toBe('120 KiB');
		expect(formatBytes(1024 * 1024 - 1)).toBe('1 MiB');
		expect(formatBytes(8 * 1024 * 1024)).toBe('8 MiB');
		expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MiB');
		expect(formatBytes(3 * 1024 ** 3)).toBe('3 GiB');
	});
});
