import type { Finding } from './Finding.js';
import type { ScoreInput } from './ScoreInput.js';

/** @everyone, @here, role mentions, or more than `maxUserMentions` members: a hard fail even though delivery pings nobody. */
export function findMassMentions(input: ScoreInput): Finding[] {
	const problems: string[] = [];
	// Discord pings @everyone/@here unless a word character is right before it: after a dot (`up.@everyone`) it still pings.
	const broadcast = input.reply.match(/(?<![\p{L}\p{N}_])@(?:everyone|here)\b/giu);
	if (broadcast !== null) problems.push(...new Set(broadcast.map((mention) => mention.toLowerCase())));
	if (/<@&\d+>/u.test(input.reply)) problems.push('a role mention');
	const users = new Set([...input.reply.matchAll(/<@!?(\d+)>/gu)].map((match) => match[1]));
	if (users.size > input.options.maxUserMentions) problems.push(`${users.size} members (at most ${input.options.maxUserMentions})`);
	if (problems.length === 0) return [];
	return [{ kind: 'mass-mention', reason: `Reply contains a mass mention (${problems.join(', ')})`, penalty: 1, hard: true }];
}
