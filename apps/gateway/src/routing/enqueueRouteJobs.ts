import { enqueueRouteJob, messageJobId } from '@charbot/contracts';
import type { Queue } from 'bullmq';
import { toIncomingMessage } from '../intake/toIncomingMessage.js';
import type { ReceivedMessage } from '../intake/ReceivedMessage.js';
import type { TriggeredCharacter } from '../triggers/decideTriggers.js';

/** Whose turn a message starts: the character who wrote it (banter) and the member message its conversation began with. */
export interface TurnOrigin {
	readonly speakerId?: string;
	readonly turnOf: string;
}

/**
 * Adds the `route` job of the first triggered character; the others follow it in order (`followers`), each once the one
 * before has answered, so characters addressed together take turns and see each other's answers. The job id is
 * `messageJobId(message, character)`, so a replayed or duplicated event (or a second gateway replica) maps to the same
 * job and BullMQ keeps one. Returns the ids of the whole turn, first to last.
 */
export async function enqueueRouteJobs(
	queue: Queue,
	received: ReceivedMessage,
	triggered: readonly TriggeredCharacter[],
	origin: TurnOrigin,
): Promise<string[]> {
	const [first, ...rest] = triggered;
	if (first === undefined) return [];
	const message = toIncomingMessage(received, origin.speakerId);
	const jobId = messageJobId(received.id, first.characterId);
	const followers = rest.map(({ characterId, trigger }) => ({ characterId, trigger }));
	await enqueueRouteJob(queue, jobId, {
		jobKey: jobId,
		message,
		characterId: first.characterId,
		trigger: first.trigger,
		cascadeDepth: first.cascadeDepth,
		followers,
		turnOf: origin.turnOf,
	});
	return [jobId, ...rest.map(({ characterId }) => messageJobId(received.id, characterId))];
}
