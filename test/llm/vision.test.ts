import { type LlmPool, ModelCannotSeeError } from '@charbot/llm';
import type { OllamaSim } from '@charbot/ollama-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { model, settingsFor, startPool, startSims } from './llmFixtures.js';

// A 1x1 PNG.
const picture = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let sims: OllamaSim[];
let pool: LlmPool;

beforeAll(async () => {
	sims = await startSims(2, { models: [model, 'llava:7b'] });
	// The vision role's "wrong" twin names a text model, as a misconfigured deployment would.
	pool = await startPool({ settings: settingsFor(sims, { roles: { chat: { model }, vision: { model: 'llava:7b' }, blind: { model } } }) });
});
afterAll(async () => {
	await pool?.close();
	await Promise.all((sims ?? []).map((sim) => sim.close()));
});

describe('pictures through the pool', () => {
	it('sends a turn its pictures, and the model sees them', async () => {
		const result = await pool.generate({ role: 'vision', messages: [{ role: 'user', content: 'Look!', images: [picture] }], useCache: false });
		expect(result.text).toMatch(/^I saw 1 image\./);
		const seen = sims.flatMap((sim) => sim.requestRecords()).filter((record) => record.model === 'llava:7b');
		expect(seen.at(-1)?.images).toEqual([expect.objectContaining({ message: 0, bytes: Buffer.from(picture, 'base64').byteLength })]);
	});

	it('fails at once, unretried and naming the setting, when the model cannot see', async () => {
		const before = sims.reduce((sum, sim) => sum + sim.requestRecords().length, 0);
		const failure = pool.generate({ role: 'blind', messages: [{ role: 'user', content: 'Look!', images: [picture] }], useCache: false });
		await expect(failure).rejects.toBeInstanceOf(ModelCannotSeeError);
		await expect(failure).rejects.toMatchObject({ retryable: false, message: expect.stringMatching(/cannot read images .*OLLAMA_VISION_MODEL/) });
		expect(sims.reduce((sum, sim) => sum + sim.requestRecords().length, 0) - before).toBe(1);
	});

	it('tells the role apart from one that is not configured', () => {
		expect(pool.hasRole('vision')).toBe(true);
		expect(pool.hasRole('nonexistent')).toBe(false);
	});
});
