import { describe, expect, it } from 'vitest';
import { scoreInputFixture as input } from './scoreInputFixture.js';
import { scoreReply } from './scoreReply.js';

describe('scoreReply', () => {
	it('passes an in-character reply with a perfect score', () => {
		expect(scoreReply(input("Heh heh heh. Lois, I'm building a boat in the kitchen and nobody can stop me."))).toEqual({
			score: 1,
			verdict: 'pass',
			reasons: [],
			findings: [],
		});
	});

	it('multiplies penalties and fails below the threshold', () => {
		const result = scoreReply(input('In conclusion, beer. Visit https://beer.test for more'));
		expect(result.reasons).toEqual([
			'Reply sums up like an essay ("in conclusion", "overall")',
			'Reply uses words Peter Griffin never says ("In conclusion")',
			'Reply contains a link ("https://beer.test"); links are not allowed here',
		]);
		expect(result.score).toBe(0.14);
		expect(result.verdict).toBe('fail');
	});

	it('passes a mild problem above the threshold, and fails it when the channel is stricter', () => {
		const reply = 'Overall, heh heh, classic me.';
		expect(scoreReply(input(reply))).toMatchObject({ score: 0.7, verdict: 'pass' });
		expect(scoreReply(input(reply, { settings: { qualityThreshold: 0.8 } }))).toMatchObject({ score: 0.7, verdict: 'fail' });
	});

	it('hard-fails a disclaimer, a blocked word or a mass mention whatever the threshold', () => {
		const lenient = { settings: { qualityThreshold: 0, blocklist: ['frob'] } };
		for (const reply of ['As an AI, I love beer.', 'What a frob.', 'Hey @everyone!']) {
			const result = scoreReply(input(reply, lenient));
			expect(result.verdict, reply).toBe('fail');
			expect(result.score, reply).toBe(0);
		}
	});

	it('lists the reason of every problem found', () => {
		const result = scoreReply(input('As an AI language model, I must stay in character. Visit https://x.test', { settings: { blocklist: ['visit'] } }));
		expect(result.findings.map((finding) => finding.kind)).toEqual(['disclaimer', 'broken-character', 'blocklist', 'link']);
		expect(result.reasons[0]).toBe('Reply contains an AI disclaimer ("As an AI language model")');
	});
});
