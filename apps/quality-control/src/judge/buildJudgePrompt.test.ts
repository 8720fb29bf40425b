import { personaSchema } from '@charbot/characters';
import { describe, expect, it } from 'vitest';
import { buildJudgePrompt, judgeInstructions } from './buildJudgePrompt.js';

const persona = personaSchema.parse({
	id: 'peter',
	displayName: 'Peter Griffin',
	description: '{{char}} is a loud dad from Quahog. '.repeat(40),
	speechStyle: 'Loud and simple.',
	quality: { mustNot: ['admit being an AI'] },
});

describe('buildJudgePrompt', () => {
	it('shows a persona summary, the message and the reply', () => {
		const [system, user] = buildJudgePrompt({ persona, memberName: 'Meg', message: 'Dad, where is the car?', reply: 'Heh, what car?' });
		expect(system).toEqual({ role: 'system', content: judgeInstructions });
		expect(user?.role).toBe('user');
		const content = user?.content ?? '';
		expect(content).toContain('Character: Peter Griffin');
		expect(content).toContain('Summary: Peter Griffin is a loud dad from Quahog.');
		expect(content).toContain('Must not: admit being an AI');
		expect(content).toContain('Message from Meg:\n"""\nDad, where is the car?\n"""');
		expect(content).toContain('Reply by Peter Griffin:\n"""\nHeh, what car?\n"""');
		expect(content.split('\n').find((line) => line.startsWith('Summary:'))?.length).toBeLessThanOrEqual(610);
	});
});
