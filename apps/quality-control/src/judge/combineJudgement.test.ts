import { describe, expect, it } from 'vitest';
import { decideScore } from '../scoring/ReplyScore.js';
import { combineJudgement } from './combineJudgement.js';

const clean = decideScore([], 0.6);
const fine = ['Speaks as Peter and answers the question'];

describe('combineJudgement', () => {
	it("averages the rule score with a lower judge rating, never raising it, and keeps a pass's reasons out of the findings", () => {
		const rules = decideScore([{ kind: 'speaker-label', reason: 'Reply labels its own lines', penalty: 0.3, hard: false }], 0.6);
		expect(combineJudgement(rules, { reasons: fine, inCharacter: 1, onTopic: 1, verdict: 'pass' }, 0.6).score).toBe(0.7);
		expect(combineJudgement(clean, { reasons: fine, inCharacter: 0.9, onTopic: 0.7, verdict: 'pass' }, 0.6)).toEqual({
			score: 0.9,
			verdict: 'pass',
			reasons: [],
			findings: [],
		});
	});

	it("fails on the judge's fail verdict, with its reasons, even when the mean clears the bar", () => {
		const result = combineJudgement(
			clean,
			{ reasons: ['Sounds like a butler, not Peter.', ' ', 'Too   polite.', 'Long.', 'Extra.'], inCharacter: 0.6, onTopic: 0.9, verdict: 'fail' },
			0.6,
		);
		expect(result.verdict).toBe('fail');
		expect(result.score).toBe(0.875);
		expect(result.reasons).toEqual(['Judge: Sounds like a butler, not Peter.; Too polite.; Long. (in character 0.60, on topic 0.90)']);
		expect(result.findings.at(-1)).toMatchObject({ kind: 'judge', hard: true });
	});

	it('adds a soft finding for a poor rating on a pass, and fails when the mean is below the threshold', () => {
		const rules = decideScore([{ kind: 'link', reason: 'Reply contains a link', penalty: 0.6, hard: false }], 0.3);
		const result = combineJudgement(rules, { reasons: ['Barely answers'], inCharacter: 0.2, onTopic: 0.4, verdict: 'pass' }, 0.6);
		expect(result).toMatchObject({ score: 0.35, verdict: 'fail' });
		expect(result.reasons).toEqual(['Reply contains a link', 'Judge rated the reply poorly (in character 0.20, on topic 0.40): Barely answers']);
		expect(result.findings.at(-1)).toMatchObject({ kind: 'judge', hard: false });
	});

	it('passes a poorly rated reply whose combined score still clears a low threshold', () => {
		const result = combineJudgement(clean, { reasons: ['Off topic'], inCharacter: 0.9, onTopic: 0.3, verdict: 'pass' }, 0.5);
		expect(result).toMatchObject({ score: 0.8, verdict: 'pass' });
	});

	it('keeps a hard rule failure failed whatever the judge says', () => {
		const rules = decideScore([{ kind: 'disclaimer', reason: 'Reply contains an AI disclaimer', penalty: 1, hard: true }], 0.6);
		expect(combineJudgement(rules, { reasons: fine, inCharacter: 1, onTopic: 1, verdict: 'pass' }, 0).verdict).toBe('fail');
	});
});
