import { messageJobId, type RouteJob } from '@charbot/contracts';

/** The guild and member every router test's jobs come from. */
export const RouteTestGuildId = '100000000000000001';

/** What a test says about its route job; the rest is a member's name call in a guild channel. */
export interface RouteJobInput {
	readonly messageId: string;
	readonly channelId: string;
	readonly content: string;
	readonly characterId?: string;
}

/** A valid route job as the gateway enqueues it (Meg calling a character by name), with `extra` fields on top. */
export function buildRouteJob(input: RouteJobInput, extra: Partial<RouteJob> = {}): RouteJob {
	const characterId = input.characterId ?? 'peter';
	return {
		jobKey: messageJobId(input.messageId, characterId),
		message: {
			id: input.messageId,
			channelId: input.channelId,
			guildId: RouteTestGuildId,
			author: { id: '300000000000000001', username: 'meg', displayName: 'Meg', isBot: false },
			content: input.content,
			createdAt: Date.now(),
		},
		characterId,
		trigger: 'name',
		cascadeDepth: 0,
		failedAttempts: [],
		followers: [],
		...extra,
	};
}
