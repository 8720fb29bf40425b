import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/createLogger.js';
import { UndoStack } from './UndoStack.js';

describe('UndoStack', () => {
	it('undoes last first, goes on past a step that fails and logs it, and undoes each step once', async () => {
		const lines: string[] = [];
		const logger = createLogger({ name: 'test', format: 'json', destination: { write: (line: string) => lines.push(line) } });
		const undone: string[] = [];
		const stack = new UndoStack(logger);
		stack.push(() => undone.push('redis'));
		stack.push(() => {
			throw new Error('the registry would not close');
		});
		stack.push(async () => undone.push('client'));
		await stack.undo();
		await stack.undo();
		expect(undone).toEqual(['client', 'redis']);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain('cleanup after a failed start failed');
		expect(lines[0]).toContain('the registry would not close');
	});
});
