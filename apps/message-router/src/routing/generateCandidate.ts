import { buildCharacterPrompt, type CharacterRegistry, type PromptMessage } from '@charbot/characters';
import type { ChannelHistory, HistoryEntry, MemberMemory, MemberPersonas, SettingsStore } from '@charbot/stores';
import { type ImageRef, MaxImageRefs, type ReviewJob, type RouteJob } from '@charbot/contracts';
import type { ImageLimits } from '@charbot/images';
import { type LlmPool, LlmError, ModelCannotSeeError, VisionRole } from '@charbot/llm';
import { UnrecoverableError } from 'bullmq';
import { LlmOutageError } from '../outage/LlmOutageError.js';
import { chooseRole } from './chooseRole.js';
import { type ImageView, lookAtImages } from '../vision/lookAtImages.js';
import { describeFailedAttempts } from './describeFailedAttempts.js';

/** What {@link generateCandidate} reads and calls. */
export interface CandidateDependencies {
	readonly characters: CharacterRegistry;
	readonly settings: SettingsStore;
	readonly history: ChannelHistory;
	readonly pool: Pick<LlmPool, 'generate' | 'canServe' | 'hasRole'>;
	/** Limits on downloading members' pictures (hosts, count, size, pixels, time); without them pictures are only noted. */
	readonly imageLimits?: ImageLimits;
	/** Told what a turn's pictures became (seen, blind, refused and why), when it has any; must not throw and must not wait. */
	readonly onImagesLooked?: (job: RouteJob, view: ImageView) => void;
	/** Attempts with the chat model before the escalation model answers. */
	readonly maxAttempts: number;
	/** Channel messages given to the model before the trigger. */
	readonly historyLimit?: number;
	/** What members asked the characters to remember; used when the channel's `memory` setting is on. */
	readonly memory?: Pick<MemberMemory, 'list'>;
	/** The names and descriptions members gave themselves (`/persona set`). */
	readonly personas?: Pick<MemberPersonas, 'get'>;
	/** Told about each generation (for `/stats`); must not throw and must not wait. */
	readonly onGenerated?: (generation: GenerationRecord) => void;
	/** The route job's BullMQ priority: its place among this process's requests waiting for a host slot (fair share). */
	readonly priority?: number;
}

/** One generated candidate, for stats. */
export interface GenerationRecord {
	readonly guildId: string | null;
	readonly characterId: string;
	readonly cacheHit: boolean;
}

/**
 * Answers one route job: loads the character, the channel's settings and history and the member's remembered facts
 * (put in the prompt only while the channel's `memory` setting is on), looks at the turn's pictures (the vision role
 * answers when it sees any; a model that turns out unable to see is asked again without them), assembles the prompt and
 * generates a candidate reply, returning the review job payload. Faults no retry can fix (an unknown
 * character, an invalid request) throw BullMQ's `UnrecoverableError`; when no host can serve at all (before the call,
 * or after it failed) it throws {@link LlmOutageError}, so the job waits without spending an attempt; others throw to be retried.
 */
export async function generateCandidate(job: RouteJob, deps: CandidateDependencies, signal?: AbortSignal): Promise<ReviewJob> {
	const persona = deps.characters.get(job.characterId);
	if (!persona)
		throw new UnrecoverableError(
			`Character "${job.characterId}" is not loaded (known: ${deps.characters
				.list()
				.map((entry) => entry.id)
				.join(', ')})`,
		);
	const { message } = job;
	// Facts belong to members: a character's post (banter) has none.
	const memberAuthored = !message.author.isBot && message.author.characterId === undefined;
	const [settings, conversation, facts, self] = await Promise.all([
		deps.settings.effective(message.guildId, message.channelId),
		deps.history.conversationAt(message.guildId, message.channelId, message.id, deps.historyLimit ?? 20, message.replyToMessageId),
		memberAuthored && deps.memory !== undefined ? deps.memory.list(message.guildId, message.author.id) : [],
		memberAuthored && deps.personas !== undefined ? deps.personas.get(message.guildId, message.author.id) : undefined,
	]);
	const authorName = (authorId: string, name: string) => (self !== undefined && authorId === message.author.id ? self.name : name);
	const userFacts = settings.memory ? facts.map((fact) => fact.text) : [];
	// The message's own pictures, then those of the message it replies to (a member asking about a photo posted earlier).
	const imageRefs: ImageRef[] = [...(message.images ?? []), ...(conversation.repliedTo?.images ?? []).map((ref) => ({ ...ref, inReply: true as const }))].slice(
		0,
		MaxImageRefs,
	);
	const visionConfigured = deps.pool.hasRole(VisionRole);
	// A vision model whose hosts are all down for now: the character answers blind rather than waiting out the outage.
	const view = await lookAtImages(imageRefs, {
		canSee: visionConfigured && deps.pool.canServe(VisionRole),
		visionConfigured,
		...(deps.imageLimits === undefined ? {} : { limits: deps.imageLimits }),
		signal,
	});
	if (view.notes.length > 0) deps.onImagesLooked?.(job, view);
	const toPromptMessage = (entry: HistoryEntry): PromptMessage => ({
		authorName: authorName(entry.authorId, entry.authorName),
		content: entry.content,
		...(entry.characterId === undefined ? {} : { characterId: entry.characterId }),
	});
	const history = conversation.before.map(toPromptMessage);
	// Characters addressed together answer in turn: the ones before this one have had their say. A regeneration's old
	// reply is not one of them: the model gets it among the failed attempts, as what not to say.
	const replaced = new Set(job.replaces?.messageIds ?? []);
	const answersSoFar = conversation.answers.filter((entry) => !replaced.has(entry.messageId)).map(toPromptMessage);
	const temperature = settings.temperature ?? persona.generation.temperature;
	let role = chooseRole(persona, job.failedAttempts.length, deps.maxAttempts);
	const ask = async (seen: ImageView) => {
		role = seen.images.length > 0 ? VisionRole : chooseRole(persona, job.failedAttempts.length, deps.maxAttempts);
		const regeneration = describeFailedAttempts(job.failedAttempts, role === 'escalation');
		const prompt = buildCharacterPrompt({
			persona,
			trigger: {
				authorName: authorName(message.author.id, message.author.displayName),
				content: [message.content, ...seen.notes].filter((part) => part !== '').join('\n'),
				...(seen.images.length === 0 ? {} : { images: seen.images }),
				...(message.author.characterId === undefined ? {} : { characterId: message.author.characterId }),
			},
			history,
			...(answersSoFar.length === 0 ? {} : { answersSoFar }),
			cast: deps.characters.list(),
			maxReplyChars: settings.maxReplyChars,
			...(userFacts.length === 0 ? {} : { userFacts }),
			...(self === undefined ? {} : { member: { name: self.name, description: self.description } }),
			...(regeneration === undefined ? {} : { regeneration }),
		});
		// Asking while every host is down would only hold a worker slot until the request's deadline.
		if (!deps.pool.canServe(role)) throw new LlmOutageError(role);
		return deps.pool.generate({
			role,
			character: persona.id,
			messages: prompt.messages,
			settings: { ...persona.generation, ...(temperature === undefined ? {} : { temperature }) },
			// A regeneration must not get the rejected answer back from the cache.
			useCache: job.failedAttempts.length === 0,
			conversationId: job.jobKey,
			...(deps.priority === undefined ? {} : { priority: deps.priority }),
			...(signal === undefined ? {} : { signal }),
		});
	};
	try {
		const result = await ask(view).catch(async (error: unknown) => {
			// A text model named as the vision model (the pool logged why): the character answers without the pictures.
			if (!(error instanceof ModelCannotSeeError) || view.images.length === 0) throw error;
			return ask(await lookAtImages(imageRefs, { canSee: false, visionConfigured: true }));
		});
		deps.onGenerated?.({ guildId: message.guildId, characterId: persona.id, cacheHit: result.cacheHit });
		const review: ReviewJob = { ...job, candidate: { text: result.text.trim(), model: result.model, host: result.host, role, reasons: [] } };
		// The wait is over: a regeneration after review must get its own patience.
		delete review.llmWaitingSince;
		return review;
	} catch (error) {
		if (error instanceof LlmError && !error.retryable) throw new UnrecoverableError(`${error.code}: ${error.message}`);
		// One failed request while another host could serve is an ordinary retry; none left is an outage.
		if (error instanceof LlmError && error.code !== 'aborted' && !deps.pool.canServe(role)) throw new LlmOutageError(role, { cause: error });
		throw error;
	}
}
