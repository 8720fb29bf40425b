import { personaSchema } from '@charbot/characters';
import type { LlmPool } from '@charbot/llm';
import { describe, expect, it } from 'vitest';
import { askJudge } from './askJudge.js';
import { JudgeTimeoutError } from './JudgeTimeoutError.js';

const input = {
	persona: personaSchema.parse({ id: 'peter', displayName: 'Peter Griffin', description: 'A loud dad.' }),
	memberName: 'Meg',
	message: 'Hi dad',
	reply: 'Heh, hey Meg.',
};
const never = () => new Promise<LlmPool>(() => undefined);

describe('askJudge', () => {
	it('gives up at the timeout even when what is under it does not listen (here, a pool that never opens)', async () => {
		const started = Date.now();
		const outcome = await askJudge(never, input, { timeoutMs: 30 });
		expect(outcome.status).toBe('timeout');
		expect(outcome.status === 'timeout' && outcome.error).toBeInstanceOf(JudgeTimeoutError);
		expect(outcome.status === 'timeout' && outcome.error.message).toBe('the judge gave no judgement within 30 ms');
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('returns an error as a failed outcome, for the rules to decide alone', async () => {
		const refused = new Error('connect ECONNREFUSED');
		const outcome = await askJudge(() => Promise.reject(refused), input, { timeoutMs: 1000 });
		expect(outcome).toEqual({ status: 'failed', error: refused });
	});

	it("throws when the job's own signal aborts: a cancelled job is not the judge's fault", async () => {
		const job = new AbortController();
		const asked = askJudge(never, input, { timeoutMs: 5000, signal: job.signal });
		job.abort(new Error('job cancelled'));
		await expect(asked).rejects.toThrow('job cancelled');
		await expect(askJudge(never, input, { timeoutMs: 5000, signal: job.signal })).rejects.toThrow('job cancelled');
	});
});
