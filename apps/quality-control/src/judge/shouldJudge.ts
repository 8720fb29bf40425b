import type { ChannelSettings } from '@charbot/stores';
import type { ReplyScore } from '../scoring/ReplyScore.js';

/**
 * Whether a reply goes to the judge: never one the rules failed (the judge can only lower a score); in `always` mode
 * every other one; in `borderline` mode only one scoring below `qualityThreshold + judgeBand`, where a soft finding left
 * the rules unsure.
 */
export function shouldJudge(rules: ReplyScore, settings: Pick<ChannelSettings, 'judge' | 'judgeBand' | 'qualityThreshold'>): boolean {
	if (settings.judge === 'off' || rules.verdict === 'fail') return false;
	return settings.judge === 'always' || rules.score < settings.qualityThreshold + settings.judgeBand;
}
