import type { Persona } from '@charbot/characters';
import { describe, expect, it } from 'vitest';
import { chooseRole } from './chooseRole.js';
import { describeFailedAttempts } from './describeFailedAttempts.js';

const persona = { id: 'peter', modelRole: undefined } as unknown as Persona;

describe('chooseRole', () => {
	it('uses the persona role until the attempts run out, then escalates', () => {
		expect(chooseRole(persona, 0, 3)).toBe('chat');
		expect(chooseRole({ ...persona, modelRole: 'big-chat' } as Persona, 2, 3)).toBe('big-chat');
		expect(chooseRole(persona, 3, 3)).toBe('escalation');
	});
});

describe('describeFailedAttempts', () => {
	const attempt = { text: 'As an AI language model, I cannot.', model: 'm', host: 'h', role: 'chat', reasons: ['Reply contains an AI disclaimer'] };

	it('is empty for a first attempt', () => {
		expect(describeFailedAttempts([], false)).toBeUndefined();
	});

	it('quotes each rejected reply with its reasons, and says when it is the last attempt', () => {
		const retry = describeFailedAttempts([attempt], false);
		expect(retry).toContain('Attempt 1 (chat model) was rejected because: Reply contains an AI disclaimer.');
		expect(retry).toContain(JSON.stringify(attempt.text));
		const escalation = describeFailedAttempts([attempt, { ...attempt, reasons: ['Too long'] }], true);
		expect(escalation).toMatch(/failed review 2 times\. You are the last attempt/);
		expect(escalation).toContain('Attempt 2 (chat model) was rejected because: Too long.');
	});

	it('shortens long rejected replies', () => {
		const long = describeFailedAttempts([{ ...attempt, text: 'x'.repeat(5000) }], false) ?? '';
		expect(long.length).toBeLessThan(1000);
	});
});
