import { DefaultChannelSettings } from '@charbot/stores';
import { describe, expect, it } from 'vitest';
import { decideScore } from '../scoring/ReplyScore.js';
import { shouldJudge } from './shouldJudge.js';

const clean = decideScore([], 0.6);
const soft = (penalty: number) => decideScore([{ kind: 'speaker-label', reason: 'Reply labels its own lines', penalty, hard: false }], 0.6);
const hard = decideScore([{ kind: 'disclaimer', reason: 'Reply contains an AI disclaimer', penalty: 1, hard: true }], 0.6);
const settings = (judge: 'off' | 'borderline' | 'always', judgeBand = 0.25, qualityThreshold = 0.6) => ({ judge, judgeBand, qualityThreshold });

describe('shouldJudge', () => {
	it('defaults to borderline with a band of 0.25', () => {
		expect(DefaultChannelSettings).toMatchObject({ judge: 'borderline', judgeBand: 0.25 });
	});

	it('in borderline mode, judges only replies the rules passed below threshold + band', () => {
		expect(shouldJudge(clean, settings('borderline'))).toBe(false);
		expect(shouldJudge(soft(0.3), settings('borderline'))).toBe(true);
		// One doubt (0.2) lands in the default band; a slighter finding does not.
		expect(shouldJudge(soft(0.2), settings('borderline'))).toBe(true);
		expect(shouldJudge(soft(0.1), settings('borderline'))).toBe(false);
		expect(shouldJudge(soft(0.5), settings('borderline'))).toBe(false);
		expect(shouldJudge(soft(0.1), settings('borderline', 0.35))).toBe(true);
		// Near 1, the band reaches clean replies too.
		expect(shouldJudge(clean, settings('borderline', 0.25, 0.9))).toBe(true);
	});

	it('in always mode, judges every reply the rules passed', () => {
		expect(shouldJudge(clean, settings('always'))).toBe(true);
		expect(shouldJudge(soft(0.3), settings('always'))).toBe(true);
		expect(shouldJudge(hard, settings('always'))).toBe(false);
	});

	it('never judges when off, nor a reply the rules failed', () => {
		expect(shouldJudge(soft(0.3), settings('off'))).toBe(false);
		expect(shouldJudge(hard, settings('borderline', 1))).toBe(false);
		expect(shouldJudge(soft(0.6), settings('borderline', 1))).toBe(false);
	});
});
